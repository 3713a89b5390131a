namespace Fever.AppHost.Hosting;

/// <summary>One look at a running instance's health.</summary>
public interface IHealthProbe
{
    Task<HealthStatus> CheckAsync(ResourceInstance instance, CancellationToken cancellationToken);
}

public enum HealthStatus
{
    Unhealthy,
    Degraded,
    Healthy,
}
