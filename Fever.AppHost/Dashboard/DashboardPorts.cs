using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fever.AppHost.Dashboard;

internal static class DashboardPorts
{
    /// <summary>
    /// One web host listens on two ports: the OTLP port answers only <c>/v1/…</c> (the receiver), the dashboard
    /// port everything else, behind the browser token when one is set.
    /// </summary>
    public static WebApplication UseDashboardPorts(this WebApplication app, int? otlpPort, string? browserToken)
    {
        app.Use((context, next) =>
        {
            var onOtlpPort = context.Connection.LocalPort == otlpPort;
            if (onOtlpPort != context.Request.Path.StartsWithSegments("/v1"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseWhen(context => context.Connection.LocalPort != otlpPort, dashboard => dashboard.UseBrowserToken(browserToken));
        return app;
    }
}
