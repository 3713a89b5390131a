namespace Fever.Benchmarks.Api;

/// <summary>When an event of a <c>/search</c> answer starts and ends (UTC wall-clock time, as the API compares them).</summary>
public readonly record struct EventPeriod(DateTime Start, DateTime End);
