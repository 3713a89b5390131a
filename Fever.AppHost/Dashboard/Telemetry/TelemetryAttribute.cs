namespace Fever.AppHost.Dashboard.Telemetry;

/// <summary>An attribute as the dashboard shows it: OTLP's typed values turned into text.</summary>
public sealed record TelemetryAttribute(string Key, string Value);
