using Fever.AppHost.Dashboard.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// A page of the dashboard as an HTTP answer: its content in the shared layout (header, navigation, and in the footer
/// what the telemetry caps have dropped), with the page's script. Scripts come only from the dashboard itself.
/// </summary>
internal sealed record DashboardPage(string Title, DashboardSection Section, Html Content, string Script) : IResult
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly (DashboardSection Section, string Text, string Path)[] Navigation =
    [
        (DashboardSection.Resources, "Resources", "/"),
        (DashboardSection.Console, "Console", "/consolelogs"),
        (DashboardSection.StructuredLogs, "Structured", "/structuredlogs"),
        (DashboardSection.Traces, "Traces", "/traces"),
        (DashboardSection.Metrics, "Metrics", "/metrics"),
    ];

    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext context)
    {
        var telemetry = context.RequestServices.GetRequiredService<TelemetryRepository>();
        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(Render(telemetry).ToString(), context.RequestAborted);
    }

    private Html Render(TelemetryRepository telemetry) => Html.Of($"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Title} · Fever</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/assets/dashboard.css">
        <script type="module" src="/assets/{Script}"></script>
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/">Fever</a>
        <nav aria-label="Dashboard"><ul>{Navigation.Select(NavigationLink)}</ul></nav>
        <span id="connection" class="connection" role="status"></span>
        </header>
        <main>
        {Content}
        </main>
        <footer>
        Dropped by the telemetry caps: <span id="dropped-logs">{telemetry.Logs.Dropped}</span> logs,
        <span id="dropped-traces">{telemetry.Traces.Dropped}</span> traces,
        <span id="dropped-points">{telemetry.Metrics.Dropped}</span> metric points.
        </footer>
        </body>
        </html>
        """);

    private Html NavigationLink((DashboardSection Section, string Text, string Path) link) =>
        link.Section == Section
            ? Html.Of($"""<li><a href="{link.Path}" aria-current="page">{link.Text}</a></li>""")
            : Html.Of($"""<li><a href="{link.Path}">{link.Text}</a></li>""");
}
