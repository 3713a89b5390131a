namespace Fever.Api.Snapshot;

/// <summary>
/// Holds the current <see cref="EventSnapshot"/> (null until the first load) and its status. One writer,
/// the <see cref="SnapshotUpdater"/>; any number of readers, each taking the reference once. Its size and age are
/// gauges of <see cref="ApiMetrics"/> from the moment it exists.
/// </summary>
public sealed class EventSnapshotStore
{
    private readonly TimeProvider _time;
    private volatile EventSnapshot? _current;
    private volatile SnapshotStatus _status = SnapshotStatus.Starting;

    public EventSnapshotStore(TimeProvider time, ApiMetrics metrics)
    {
        _time = time;
        metrics.ObserveSnapshot(this);
    }

    public EventSnapshot? Current => _current;

    public SnapshotStatus Status => _status;

    /// <summary>How long ago the snapshot was last known to be current; zero while connected.</summary>
    public TimeSpan Age => _status switch
    {
        { Connected: true } => TimeSpan.Zero,
        { ConfirmedAt: { } confirmedAt } => _time.GetUtcNow() - confirmedAt,
        _ => TimeSpan.Zero,
    };

    public void Publish(EventSnapshot snapshot) => _current = snapshot;

    public void MarkCurrent() => _status = new SnapshotStatus(true, _time.GetUtcNow(), null, null);

    public void MarkDisconnected(Exception error)
    {
        var status = _status;
        _status = status with
        {
            Connected = false,
            DisconnectedSince = status.DisconnectedSince ?? _time.GetUtcNow(),
            LastError = error.Message,
        };
    }
}
