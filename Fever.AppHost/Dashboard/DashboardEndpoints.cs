using Fever.AppHost.Dashboard.Pages;
using Fever.AppHost.Dashboard.Telemetry;
using Fever.AppHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Fever.AppHost.Dashboard;

internal static class DashboardEndpoints
{
    /// <summary>
    /// The dashboard: its pages (at the URLs of Aspire's dashboard), their stylesheet and scripts, and the telemetry
    /// API they read (the resource service is mapped on its own).
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", ResourcesPage.Render);
        app.MapGet("/consolelogs", (ResourceNotificationService notifications) => ConsoleLogsPage.Render(null, notifications));
        app.MapGet("/consolelogs/resource/{name}", (string name, ResourceNotificationService notifications) => ConsoleLogsPage.Render(name, notifications));
        app.MapGet("/structuredlogs", StructuredLogsPage.Render);
        app.MapGet("/traces", TraceListPage.Render);
        app.MapGet("/traces/detail/{traceId}", TraceDetailPage.Render);
        app.MapGet("/metrics", (TelemetryRepository telemetry, ResourceNotificationService notifications) =>
            MetricsPage.Render(null, null, telemetry, notifications));
        app.MapGet("/metrics/resource/{name}", MetricsPage.Render);
        app.MapDashboardAssets();
        app.MapTelemetryApi();
        return app;
    }
}
