namespace Fever.Benchmarks.Ingest;

/// <summary>One worker run of the ingest benchmark, as the worker recorded it.</summary>
public sealed record IngestRun(string Name, SyncRunRecord Record);
