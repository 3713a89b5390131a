using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fever.ServiceDefaults.Telemetry;

/// <summary>
/// The part of the ASP.NET Core instrumentation package that the framework does not do itself: ASP.NET Core
/// starts a server activity per request but leaves it unnamed and without attributes. This outermost
/// middleware names it <c>{method} {route}</c> and adds the HTTP semantic conventions' attributes. Probes of
/// <c>/health</c> and <c>/alive</c> are marked not recorded before anything else runs, so neither they nor the
/// database spans of their checks are exported.
/// </summary>
internal sealed class ServerRequestTracing(params string[] untracedPaths) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (Activity.Current is not { IsAllDataRequested: true } activity || activity.Kind != ActivityKind.Server)
            {
                await nextMiddleware(context);
                return;
            }
            if (IsUntraced(context.Request.Path))
            {
                activity.IsAllDataRequested = false;
                activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                await nextMiddleware(context);
                return;
            }
            try
            {
                await nextMiddleware(context);
            }
            catch (Exception exception)
            {
                activity.SetTag("error.type", exception.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
                throw;
            }
            finally
            {
                Describe(activity, context);
            }
        });
        next(app);
    };

    private static void Describe(Activity activity, HttpContext context)
    {
        var request = context.Request;
        var status = context.Response.StatusCode;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.DisplayName = route is null ? request.Method : $"{request.Method} {route}";
        activity.SetTag("http.request.method", request.Method);
        activity.SetTag("url.scheme", request.Scheme);
        activity.SetTag("url.path", request.Path.Value);
        if (request.QueryString.HasValue)
            activity.SetTag("url.query", request.QueryString.Value![1..]);
        if (route is not null)
            activity.SetTag("http.route", route);
        activity.SetTag("server.address", request.Host.Host);
        if (request.Host.Port is { } port)
            activity.SetTag("server.port", port);
        activity.SetTag("network.protocol.version", request.Protocol.StartsWith("HTTP/", StringComparison.Ordinal) ? request.Protocol[5..] : request.Protocol);
        if (request.Headers.UserAgent is { Count: > 0 } userAgent)
            activity.SetTag("user_agent.original", userAgent.ToString());
        activity.SetTag("http.response.status_code", status);
        if (status >= 500 && activity.Status != ActivityStatusCode.Error)
        {
            activity.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    private bool IsUntraced(PathString path)
    {
        foreach (var untraced in untracedPaths)
            if (path.Equals(untraced, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }
}
