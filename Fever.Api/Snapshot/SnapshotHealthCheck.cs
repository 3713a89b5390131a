using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fever.Api.Snapshot;

/// <summary>
/// Ready once the first snapshot is loaded. Degraded, not unhealthy, while PostgreSQL is lost: /search keeps
/// answering from the last snapshot, and the check tells how old it is.
/// </summary>
public sealed class SnapshotHealthCheck(EventSnapshotStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = store.Current;
        var status = store.Status;
        if (snapshot is null)
            return Task.FromResult(HealthCheckResult.Unhealthy(
                status.LastError is null ? "Loading the events from PostgreSQL." : $"No snapshot yet: {status.LastError}"));

        var age = store.Age;
        var data = new Dictionary<string, object>
        {
            ["events"] = snapshot.Count,
            ["version"] = snapshot.Version,
            ["ageSeconds"] = Math.Round(age.TotalSeconds, 1),
        };
        return Task.FromResult(status.Connected
            ? HealthCheckResult.Healthy($"{snapshot.Count} events, current (listening for changes).", data)
            : HealthCheckResult.Degraded(
                $"PostgreSQL unreachable since {status.DisconnectedSince:O} ({status.LastError}); serving the snapshot of " +
                $"{snapshot.Count} events last confirmed {age.TotalSeconds:F0} s ago.", data: data));
    }
}
