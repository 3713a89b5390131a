using System.Text.Json;
using System.Text.Json.Serialization;
using Fever.AppHost.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fever.AppHost.Dashboard;

/// <summary>
/// The telemetry the dashboard's pages read, as JSON under <c>/api/telemetry</c>: structured logs, traces and a
/// trace's waterfall, instruments and their charts. Every list says how many entries the caps have dropped.
/// </summary>
internal static class TelemetryApi
{
    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/telemetry");
        // Numbers and flags are read here rather than bound, so that a malformed one gets an error that says which.
        api.MapGet("/logs", (TelemetryRepository telemetry, string? resource, string? level, string? text, string? traceId, string? after, string? limit) =>
            !TryNumber(after, 0, out var afterId) ? BadRequest("after must be a whole number: the id of the last log already read.")
            : !TryNumber(limit, DefaultLimit, out var count) ? BadRequest("limit must be a whole number.")
            : Json(new LogsPage(
                telemetry.Logs.Query(new LogQuery(resource, MinSeverity(level), text, traceId, afterId), Limit(count)),
                telemetry.Logs.Resources(),
                telemetry.Logs.Dropped)));
        api.MapGet("/traces", (TelemetryRepository telemetry, string? resource, string? text, string? errors, string? limit) =>
            errors is not (null or "" or "true" or "false") ? BadRequest("errors must be true or false.")
            : !TryNumber(limit, DefaultLimit, out var count) ? BadRequest("limit must be a whole number.")
            : Json(new TracesPage(
                telemetry.Traces.Query(new TraceQuery(resource, text, errors == "true"), Limit(count)),
                telemetry.Traces.Dropped)));
        api.MapGet("/traces/{traceId}", (TelemetryRepository telemetry, string traceId) =>
            telemetry.Traces.Get(traceId.ToLowerInvariant()) is { } trace ? Json(trace) : NotFound($"There is no trace {traceId} (it may have been dropped)."));
        api.MapGet("/metrics", (TelemetryRepository telemetry, string? resource) =>
            Json(new InstrumentsPage(
                telemetry.Metrics.Resources(),
                resource is null ? [] : telemetry.Metrics.Instruments(resource),
                telemetry.Metrics.Dropped)));
        api.MapGet("/metrics/{resource}/{instrument}", (TelemetryRepository telemetry, string resource, string instrument) =>
            telemetry.Metrics.Chart(resource, instrument) is { } chart ? Json(chart) : NotFound($"{resource} has reported no instrument {instrument}."));
        return app;
    }

    /// <summary>The lowest severity number of a .NET log level name (OTLP: trace 1, debug 5, information 9, warning 13, error 17, critical 21).</summary>
    public static int MinSeverity(string? level) => level?.ToLowerInvariant() switch
    {
        "trace" => 1,
        "debug" => 5,
        "information" or "info" => 9,
        "warning" or "warn" => 13,
        "error" => 17,
        "critical" or "fatal" => 21,
        _ => 0,
    };

    private const int DefaultLimit = 500;

    private static int Limit(long limit) => (int)Math.Clamp(limit, 1, 10_000);

    private static bool TryNumber(string? value, long absent, out long number)
    {
        number = absent;
        return string.IsNullOrEmpty(value) || long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    private static IResult BadRequest(string message) =>
        TypedResults.Json(new { error = message }, DashboardJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Json<T>(T value) => TypedResults.Json(value, DashboardJson.Options);

    private static IResult NotFound(string message) =>
        TypedResults.Json(new { error = message }, DashboardJson.Options, statusCode: StatusCodes.Status404NotFound);
}

internal sealed record LogsPage(IReadOnlyList<LogEntry> Items, IReadOnlyList<string> Resources, long Dropped);

internal sealed record TracesPage(IReadOnlyList<TraceSummary> Items, long Dropped);

internal sealed record InstrumentsPage(IReadOnlyList<string> Resources, IReadOnlyList<InstrumentSummary> Instruments, long Dropped);

internal static class DashboardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
