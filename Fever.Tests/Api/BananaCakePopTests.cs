using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Fever.Api.BananaCakePop;
using Fever.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Fever.Tests.Api;

/// <summary>
/// Banana Cake Pop's middleware on a real Kestrel server, in front of a stand-in for the GraphQL endpoint mapped on the
/// exact path <c>/graphql</c> as the real one is. The IDE's files are the build's copy beside the test assembly.
/// </summary>
public sealed partial class BananaCakePopTests : IAsyncLifetime
{
    private const string Endpoint = "the GraphQL endpoint";
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync() => (_app, _http) = await StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_browser_opening_graphql_is_sent_to_the_ide_whose_files_load_relative_to_graphql_slash()
    {
        using var response = await GetAsync("/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("GET", "/graphql", "application/graphql-response+json")]
    [InlineData("GET", "/graphql?query=%7B__typename%7D", BrowserAccept)]
    [InlineData("GET", "/graphql?sdl", BrowserAccept)]
    [InlineData("GET", "/graphql/?query=%7B__typename%7D", BrowserAccept)]
    [InlineData("POST", "/graphql", BrowserAccept)]
    public async Task Operations_and_schema_requests_go_on_to_the_endpoint(string method, string url, string accept)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Accept.ParseAdd(accept);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Endpoint, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ide_and_every_file_its_page_loads_are_served_hashed_files_for_a_year_the_rest_revalidated()
    {
        using var index = await GetAsync("/graphql/", BrowserAccept);
        var html = await index.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.True(index.Headers.CacheControl?.NoCache);
        Assert.Equal(["nosniff"], index.Headers.GetValues("X-Content-Type-Options"));
        var assets = AssetReference().Matches(html).Select(m => m.Groups["path"].Value).ToList();
        Assert.Contains("static/js/main.0349187e.js", assets);
        Assert.Contains("./manifest.webmanifest", assets);
        foreach (var asset in assets)
        {
            using var response = await GetAsync($"/graphql/{asset}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
            if (asset.StartsWith("static/"))
                Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            else
                Assert.True(response.Headers.CacheControl?.NoCache, $"{asset}: Cache-Control {response.Headers.CacheControl}");
        }
        Assert.Equal(html, await _http.GetStringAsync("/graphql/index.html"));
    }

    [Fact]
    public async Task Its_config_points_the_ide_at_the_endpoint_under_the_address_the_browser_used()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/bcp-config.json");
        request.Headers.Host = "fever.example:8080";
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(
            """{"title":"Fever GraphQL","endpoint":"http://fever.example:8080/graphql","disableTelemetry":true}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/graphql/static/js/missing.0000.js")]
    [InlineData("/graphql/static/")]
    [InlineData("/graphql/static/js")]
    [InlineData("/graphql/package.json")]
    [InlineData("/graphql/..%2fFever.Tests.dll")]
    [InlineData("/graphql/%2e%2e/Fever.Tests.dll")]
    [InlineData("/graphql/static/..%2f..%2fFever.Tests.dll")]
    [InlineData("/graphql/static/%2e%2e/%2e%2e/Fever.Tests.dll")]
    public async Task Unknown_files_folders_and_paths_out_of_its_folder_are_not_found(string path)
    {
        // Sent as written: HttpClient would otherwise resolve the dot segments itself.
        var url = new Uri(_http.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Its_service_worker_is_left_out_so_the_ide_neither_precaches_itself_nor_reloads_under_the_user()
    {
        using var response = await GetAsync("/graphql/service-worker.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Turned_off_it_leaves_browsers_to_the_endpoint()
    {
        var (app, http) = await StartAsync(enabled: false);
        await using (app)
        using (http)
        {
            using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { Accept = { MediaTypeWithQualityHeaderValue.Parse("text/html") } } });

            Assert.Equal(Endpoint, await response.Content.ReadAsStringAsync());
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return await _http.SendAsync(request);
    }

    private static async Task<(WebApplication, HttpClient)> StartAsync(bool enabled = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{BananaCakePopOptions.SectionName}:Enabled"] = enabled.ToString() });
        var app = builder.Build();
        app.UseErrorEnvelope();
        app.UseBananaCakePop();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], () => Endpoint);
        await app.StartAsync();
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };
        return (app, http);
    }

    /// <summary>The relative <c>src</c> and <c>href</c> of the IDE's index.html: its scripts, style sheet, icons and manifest.</summary>
    [GeneratedRegex("""(?:src|href)="(?<path>(?!https?:)[^"]+)""")]
    private static partial Regex AssetReference();
}
