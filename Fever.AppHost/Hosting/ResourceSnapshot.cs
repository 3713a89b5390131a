namespace Fever.AppHost.Hosting;

/// <summary>
/// One instance of a resource as the resource service shows it. A resource has one instance, or one per
/// replica (<c>api-0</c>, <c>api-1</c>…), each with <see cref="DisplayName"/> set to the resource's name.
/// </summary>
public sealed record ResourceSnapshot(string Name, string DisplayName, string ResourceType)
{
    public string State { get; init; } = KnownResourceStates.NotStarted;

    /// <summary>Healthy, Degraded or Unhealthy; null until known.</summary>
    public HealthStatus? Health { get; init; }

    public IReadOnlyList<string> Urls { get; init; } = [];

    public int? ProcessId { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? StopTime { get; init; }

    public int? ExitCode { get; init; }

    public int RestartCount { get; init; }

    /// <summary>Why the instance waits, failed or is unhealthy, in a sentence.</summary>
    public string? Message { get; init; }

    public bool IsHealthy => State == KnownResourceStates.Running && Health == HealthStatus.Healthy;
}
