using Microsoft.AspNetCore.Routing;

namespace Fever.AppHost.Dashboard;

internal static class DashboardEndpoints
{
    /// <summary>The dashboard: its pages and the telemetry API they read (the resource service is mapped on its own).</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        app.MapTelemetryApi();
        return app;
    }
}
