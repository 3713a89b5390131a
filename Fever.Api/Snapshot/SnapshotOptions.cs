namespace Fever.Api.Snapshot;

/// <summary>How the API keeps its in-memory snapshot of the events current (section <c>Snapshot</c>).</summary>
public sealed class SnapshotOptions
{
    public const string SectionName = "Snapshot";

    /// <summary>How often to look for changes whose notification was missed. Notifications arrive at once; this is the safety net.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before reconnecting after PostgreSQL was lost; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);
}
