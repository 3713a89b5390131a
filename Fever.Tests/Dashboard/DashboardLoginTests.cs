using System.Net;
using Fever.AppHost.Hosting;

namespace Fever.Tests.Dashboard;

/// <summary>
/// Aspire's browser-token mode on the AppHost's own web host (an app without resources: the login does not depend on
/// them): every page needs the cookie that the printed login link sets.
/// </summary>
public sealed class DashboardLoginTests
{
    private static readonly string[] Pages = ["/", "/consolelogs", "/structuredlogs", "/traces", "/metrics", "/assets/dashboard.js", "/api/resources"];

    [Fact]
    public async Task With_a_browser_token_the_pages_answer_401_until_the_login_link_sets_the_cookie()
    {
        await using var app = await StartAsync("--Dashboard:Frontend:BrowserToken=xyz");
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.DashboardUrl };

        foreach (var page in Pages)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(page)).StatusCode);

        using var wrongLogin = await browser.GetAsync("/login?t=xy");
        Assert.Equal(HttpStatusCode.Unauthorized, wrongLogin.StatusCode);
        Assert.False(wrongLogin.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/")).StatusCode);

        using var login = await browser.GetAsync("/login?t=xyz");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.ToString());
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        foreach (var page in Pages)
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Without_a_browser_token_the_pages_are_open_on_loopback()
    {
        await using var app = await StartAsync();
        using var browser = new HttpClient { BaseAddress = app.DashboardUrl };

        foreach (var page in Pages)
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        Assert.True(app.DashboardUrl.IsLoopback);
    }

    private static async Task<DistributedApplication> StartAsync(params string[] args)
    {
        var app = DistributedApplication.CreateBuilder(
            ["--AppHost:RandomizePorts=true", "--AppHost:StateDirectory=", "--AppHost:ConsoleLogs=false", "--AppHost:OtlpEndpoint=", .. args]).Build();
        await app.StartAsync();
        return app;
    }
}
