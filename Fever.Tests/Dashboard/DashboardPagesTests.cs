using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fever.Tests.Dashboard;

/// <summary>The dashboard's pages and commands as HTTP answers of the running app (what a browser does with them: see DashboardBrowserTests).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPagesTests(DashboardApp fixture)
{
    [Theory]
    [InlineData("/", "resources.js")]
    [InlineData("/consolelogs", "console-logs.js")]
    [InlineData("/consolelogs/resource/api", "console-logs.js")]
    [InlineData("/structuredlogs", "structured-logs.js")]
    [InlineData("/structuredlogs?resource=sync&level=Warning&text=run&traceId=0123456789abcdef0123456789abcdef", "structured-logs.js")]
    [InlineData("/traces", "traces.js")]
    [InlineData("/traces?resource=api&text=GET&errors=true", "traces.js")]
    [InlineData("/metrics", "metrics.js")]
    [InlineData("/metrics/resource/sync", "metrics.js")]
    public async Task Each_page_answers_html_in_the_dashboard_layout_with_its_script(string path, string script)
    {
        using var response = await fixture.Dashboard.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("""<nav aria-label="Dashboard">""", html);
        Assert.Contains($"""<script type="module" src="/assets/{script}"></script>""", html);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("dashboard.css", "text/css")]
    [InlineData("dashboard.js", "text/javascript")]
    [InlineData("resources.js", "text/javascript")]
    [InlineData("metrics.js", "text/javascript")]
    public async Task The_pages_stylesheet_and_scripts_are_served_by_the_apphost(string asset, string contentType)
    {
        using var response = await fixture.Dashboard.GetAsync($"/assets/{asset}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_trace_page_shows_its_waterfall_and_links_to_the_trace_logs()
    {
        var traceId = await fixture.SearchTraceAsync();

        using var response = await fixture.Dashboard.GetAsync($"/traces/detail/{traceId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>GET /search", html);
        Assert.Contains("""<span class="span-label">GET /search</span>""", html);
        Assert.Contains("""<div class="bar" style="left:0%;width:100%""", html);
        Assert.Contains($"""href="/structuredlogs?traceId={traceId}">""", html);
    }

    [Fact]
    public async Task The_metrics_page_lists_a_resources_instruments_and_marks_the_chosen_one()
    {
        await fixture.WaitForChartAsync("api", "http.server.request.duration");

        var html = await fixture.Dashboard.GetStringAsync("/metrics/resource/api?instrument=http.server.request.duration");

        Assert.Contains("<h2>Microsoft.<wbr>AspNetCore.<wbr>Hosting</h2>", html);
        Assert.Contains("""aria-current="page">http.<wbr>server.<wbr>request.<wbr>duration</a>""", html);
        Assert.Contains("""data-resource="api" data-instrument="http.server.request.duration">""", html);
    }

    [Fact]
    public async Task An_unknown_resource_trace_or_instrument_is_a_404_page_that_says_so()
    {
        await fixture.WaitForChartAsync("api", "http.server.request.duration");

        await AssertNotFoundPageAsync("/consolelogs/resource/nothing", "There is no resource named &#39;nothing&#39;.");
        await AssertNotFoundPageAsync("/metrics/resource/nothing", "There is no resource named &#39;nothing&#39;.");
        await AssertNotFoundPageAsync("/metrics/resource/api?instrument=nothing", "api has reported no instrument named &#39;nothing&#39;.");
        await AssertNotFoundPageAsync("/traces/detail/0123456789abcdef0123456789abcdef", "There is no trace 0123456789abcdef0123456789abcdef");
    }

    [Fact]
    public async Task Text_from_the_address_is_shown_as_text_never_as_markup()
    {
        using var console = await fixture.Dashboard.GetAsync("/consolelogs/resource/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        var consoleHtml = await console.Content.ReadAsStringAsync();
        var logsHtml = await fixture.Dashboard.GetStringAsync("/structuredlogs?text=%22%3E%3Cimg%20src%3Dx%3E");

        Assert.Contains("There is no resource named &#39;&lt;img src=x onerror=alert(1)&gt;&#39;.", consoleHtml);
        Assert.DoesNotContain("<img", consoleHtml);
        Assert.Contains("value=\"&quot;&gt;&lt;img src=x&gt;\"", logsHtml);
        Assert.DoesNotContain("<img src=x>", logsHtml);
    }

    [Theory]
    [InlineData("sync", "restart", false, HttpStatusCode.Forbidden, "needs the header X-Fever-Dashboard: 1")]
    [InlineData("sync", "explode", true, HttpStatusCode.BadRequest, "Unknown command 'explode'")]
    [InlineData("postgres", "stop", true, HttpStatusCode.Conflict, "postgres cannot be stopped or started on its own")]
    [InlineData("nothing", "stop", true, HttpStatusCode.NotFound, "There is no resource instance named 'nothing'")]
    public async Task A_command_that_cannot_run_is_refused_with_its_reason(string resource, string command, bool withHeader, HttpStatusCode status, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/resources/{resource}/commands/{command}");
        if (withHeader)
            request.Headers.Add("X-Fever-Dashboard", "1");

        using var response = await fixture.Dashboard.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, answer.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/api/telemetry/traces?errors=maybe", "errors must be true or false")]
    [InlineData("/api/telemetry/traces?limit=ten", "limit must be a whole number")]
    [InlineData("/api/telemetry/logs?after=-1", "after must be a whole number")]
    public async Task A_malformed_telemetry_query_is_a_400_that_names_the_parameter(string path, string reason)
    {
        using var response = await fixture.Dashboard.GetAsync(path);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, answer.GetProperty("error").GetString());
    }

    private async Task AssertNotFoundPageAsync(string path, string message)
    {
        using var response = await fixture.Dashboard.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, html);
    }
}
