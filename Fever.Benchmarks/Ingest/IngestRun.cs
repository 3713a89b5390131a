namespace Fever.Benchmarks.Ingest;

/// <summary>One worker run of the ingest benchmark: the worker's own record of it and how its process ran.</summary>
public sealed record IngestRun(string Name, SyncRunRecord Record, ProcessMeasurement Process);
