namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>A finished span of a resource, as received.</summary>
public sealed record SpanEntry(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Resource,
    string Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Status,
    string? StatusMessage,
    IReadOnlyList<TelemetryAttribute> Attributes,
    IReadOnlyList<SpanEventEntry> Events)
{
    public double DurationMs => (End - Start).TotalMilliseconds;

    public bool IsError => Status == "Error";
}

public sealed record SpanEventEntry(DateTimeOffset Time, string Name, IReadOnlyList<TelemetryAttribute> Attributes);
