using System.Buffers;
using System.IO.Pipelines;
using Fever.Data;

namespace Fever.Api.Snapshot;

/// <summary>
/// An immutable, start-sorted view of every stored event: the events themselves (what GraphQL reads), and their
/// <c>/search</c> JSON in one buffer, in order, each followed by a comma, so a run of consecutive matches is copied
/// with one write. Readers take the current instance once per request; updates build a new one, so no reader ever
/// sees half a change, and <c>/search</c> and GraphQL answers made from one instance agree.
/// </summary>
public sealed class EventSnapshot
{
    public static readonly EventSnapshot Empty = new([], version: 0);

    private readonly Event[] _events;
    private readonly Dictionary<Guid, Event> _byId;
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly int[] _offsets; // event i is _json[_offsets[i].._offsets[i + 1]], its comma included
    private readonly byte[] _json;
    private readonly long _latestEnd;

    /// <param name="events">Sorted by start, then id.</param>
    /// <param name="version">The highest <c>events.version</c> the snapshot includes.</param>
    public EventSnapshot(IReadOnlyList<SnapshotEvent> events, long version)
    {
        Version = version;
        ETag = $"W/\"{version}\"";
        _events = new Event[events.Count];
        _byId = new Dictionary<Guid, Event>(events.Count);
        _starts = new long[events.Count];
        _ends = new long[events.Count];
        _offsets = new int[events.Count + 1];
        var length = 0L;
        for (var i = 0; i < events.Count; i++)
            length += events[i].Json.Length + 1;
        _json = new byte[checked((int)length)];

        var offset = 0;
        for (var i = 0; i < events.Count; i++)
        {
            _events[i] = events[i].Event;
            _byId.Add(events[i].Id, events[i].Event);
            _starts[i] = events[i].StartsAt.Ticks;
            _ends[i] = events[i].EndsAt.Ticks;
            _latestEnd = Math.Max(_latestEnd, _ends[i]);
            _offsets[i] = offset;
            events[i].Json.CopyTo(_json, offset);
            offset += events[i].Json.Length;
            _json[offset++] = (byte)',';
        }
        _offsets[events.Count] = offset;
    }

    public long Version { get; }

    /// <summary>The weak entity tag of every answer made from this snapshot: it changes exactly when the events do.</summary>
    public string ETag { get; }

    public int Count => _starts.Length;

    /// <summary>Every event, sorted by start, then id (<see cref="Guid.CompareTo(Guid)"/>, PostgreSQL's uuid order).</summary>
    public ReadOnlySpan<Event> Events => _events;

    public Event? FindById(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>The index in <see cref="Events"/> of the first event that starts at or after <paramref name="ticks"/>.</summary>
    public int FirstStartingFrom(long ticks) => LowerBound(_starts, ticks);

    /// <summary>The index in <see cref="Events"/> after the last event that starts at or before <paramref name="ticks"/>.</summary>
    public int EndOfStartingUntil(long ticks) => UpperBound(_starts, ticks);

    /// <summary>
    /// The events with <paramref name="from"/> &lt;= start and end &lt;= <paramref name="to"/> (ticks of UTC
    /// wall-clock time, bounds inclusive). Only events that start within the bounds are looked at.
    /// </summary>
    public SnapshotMatch Find(long from, long to)
    {
        var first = FirstStartingFrom(from);
        var end = from > to ? first : EndOfStartingUntil(to);
        if (to >= _latestEnd) // every event that starts in range also ends in it: one run
            return new SnapshotMatch(this, first, end, to, end - first, end == first ? 0 : _offsets[end] - _offsets[first] - 1);

        var count = 0;
        var length = 0;
        for (var i = first; i < end; i++)
        {
            if (_ends[i] > to)
                continue;
            count++;
            length += _offsets[i + 1] - _offsets[i];
        }
        return new SnapshotMatch(this, first, end, to, count, count == 0 ? 0 : length - 1);
    }

    /// <summary>
    /// Writes the matches of <see cref="Find"/> as a JSON array's elements: each run of consecutive matches is
    /// copied as is, in pieces of at most <see cref="FlushEvery"/> bytes, flushing as they add up so that a large
    /// answer never sits whole in the connection's buffers.
    /// </summary>
    internal async ValueTask WriteMatchesAsync(PipeWriter writer, int first, int end, long to, bool allMatch, CancellationToken cancellationToken)
    {
        if (allMatch) // one run: no end to check
        {
            if (end > first)
                await WriteAsync(writer, _offsets[first], _offsets[end] - 1, cancellationToken);
            return;
        }

        var runStart = -1;
        var pendingStart = -1;
        var pendingEnd = -1;
        for (var i = first; i <= end; i++)
        {
            if (i < end && _ends[i] <= to)
            {
                if (runStart < 0)
                    runStart = i;
                continue;
            }
            if (runStart < 0)
                continue;
            if (pendingStart >= 0)
                await WriteAsync(writer, _offsets[pendingStart], _offsets[pendingEnd], cancellationToken);
            (pendingStart, pendingEnd, runStart) = (runStart, i, -1);
        }
        if (pendingStart >= 0) // the last run, without its trailing comma
            await WriteAsync(writer, _offsets[pendingStart], _offsets[pendingEnd] - 1, cancellationToken);
    }

    /// <summary>The size of the pieces a large answer is written and flushed in.</summary>
    public const int FlushEvery = 64 * 1024;

    private async ValueTask WriteAsync(PipeWriter writer, int start, int end, CancellationToken cancellationToken)
    {
        while (start < end)
        {
            var length = Math.Min(end - start, FlushEvery);
            writer.Write(_json.AsSpan(start, length));
            start += length;
            if (writer.UnflushedBytes >= FlushEvery)
                await writer.FlushAsync(cancellationToken);
        }
    }

    private static int LowerBound(long[] values, long value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (values[middle] < value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private static int UpperBound(long[] values, long value)
    {
        int low = 0, high = values.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (values[middle] <= value)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
