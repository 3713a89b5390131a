namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// The OpenTelemetry environment variables Aspire's AppHost (13.6.5, Development, the dashboard's OTLP/HTTP endpoint
/// only) gives a project resource, here for one instance named <see cref="ServiceName"/>: the service's names always,
/// the exporter's settings only when there is a dashboard to export to.
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

    /// <summary>
    /// Traces, metrics and logs exported over OTLP/HTTP protobuf to <paramref name="endpoint"/> with the dashboard's
    /// API key, each at most a second late, every trace sampled, exemplars from sampled traces, and the exporter's
    /// in-memory retry of failed exports.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExportingTo(Uri endpoint, string apiKey) => new Dictionary<string, string>(ExportOff)
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={apiKey}",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
        ["OTEL_TRACES_SAMPLER"] = "always_on",
        ["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based",
        ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
        ["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true",
        ["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "true",
    };

    /// <summary>The variables as a report prints them, the API key hidden.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> environment) =>
        string.Join(", ", environment.Select(variable => variable.Key == "OTEL_EXPORTER_OTLP_HEADERS"
            ? $"{variable.Key}=x-otlp-api-key=(the dashboard's key)"
            : $"{variable.Key}={variable.Value}"));
}
