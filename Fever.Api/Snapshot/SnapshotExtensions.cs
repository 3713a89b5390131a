using Fever.Data;

namespace Fever.Api.Snapshot;

public static class SnapshotExtensions
{
    /// <summary>
    /// The in-memory event snapshot, kept current from PostgreSQL, its readiness check "snapshot", and the API's metrics
    /// (<see cref="ApiMetrics"/>), which observe it.
    /// </summary>
    public static IHostApplicationBuilder AddEventSnapshot(this IHostApplicationBuilder builder)
    {
        builder.AddFeverData();
        builder.Services.AddOptions<SnapshotOptions>().BindConfiguration(SnapshotOptions.SectionName)
            .Validate(o => o.RecheckInterval > TimeSpan.Zero, "Snapshot:RecheckInterval must be positive.")
            .Validate(o => o.ReconnectDelay > TimeSpan.Zero && o.MaxReconnectDelay >= o.ReconnectDelay,
                "Snapshot:ReconnectDelay must be positive and no larger than Snapshot:MaxReconnectDelay.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddSingleton<EventSnapshotStore>();
        builder.Services.AddHostedService<SnapshotUpdater>();
        builder.Services.AddHealthChecks().AddCheck<SnapshotHealthCheck>("snapshot", tags: ["ready"]);
        return builder;
    }
}
