namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>A structured log record of a resource; <see cref="Id"/> grows by one per record received.</summary>
public sealed record LogEntry(
    long Id,
    DateTimeOffset Time,
    string Resource,
    string Severity,
    int SeverityNumber,
    string Message,
    string Category,
    string? TraceId,
    string? SpanId,
    IReadOnlyList<TelemetryAttribute> Attributes);
