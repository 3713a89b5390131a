using System.Diagnostics.Metrics;

namespace Fever.Tests.Telemetry;

/// <summary>One measurement as <see cref="MeasurementRecorder"/> heard it.</summary>
public sealed record RecordedMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
