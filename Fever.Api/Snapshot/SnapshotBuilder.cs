namespace Fever.Api.Snapshot;

/// <summary>
/// The updater's working set: every event by id and the highest version seen. Changed rows replace their
/// previous state; <see cref="Build"/> then produces the next immutable <see cref="EventSnapshot"/>.
/// </summary>
public sealed class SnapshotBuilder
{
    private static readonly Comparison<SnapshotEvent> ByStartThenId = (left, right) =>
    {
        var byStart = left.StartsAt.CompareTo(right.StartsAt);
        // Guid.CompareTo orders like PostgreSQL's uuid (byte order of the canonical text form).
        return byStart != 0 ? byStart : left.Id.CompareTo(right.Id);
    };

    private readonly Dictionary<Guid, SnapshotEvent> _events = [];

    public long Version { get; private set; }

    public int Count => _events.Count;

    public void Apply(SnapshotEvent change, long version)
    {
        _events[change.Id] = change;
        Version = Math.Max(Version, version);
    }

    public EventSnapshot Build()
    {
        var sorted = _events.Values.ToArray();
        Array.Sort(sorted, ByStartThenId);
        return new EventSnapshot(sorted, Version);
    }
}
