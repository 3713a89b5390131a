namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// The OpenTelemetry environment variables the AppHost gives a project's replica (its ProjectRunner), here for a
/// single replica named <see cref="ServiceName"/>: the service's names always, the exporter's settings only when there
/// is a receiver to export to.
/// </summary>
public static class AppHostTelemetryEnvironment
{
    public const string ServiceName = "api";

    /// <summary>No <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: ServiceDefaults adds no exporter.</summary>
    public static IReadOnlyDictionary<string, string> ExportOff => new Dictionary<string, string>
    {
        ["OTEL_SERVICE_NAME"] = ServiceName,
        ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={ServiceName}",
    };

    /// <summary>Traces, metrics and logs exported over OTLP/HTTP protobuf to <paramref name="endpoint"/>, each at most a second late.</summary>
    public static IReadOnlyDictionary<string, string> ExportingTo(Uri endpoint) => new Dictionary<string, string>(ExportOff)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };
}
