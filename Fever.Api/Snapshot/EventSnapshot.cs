using System.Buffers;

namespace Fever.Api.Snapshot;

/// <summary>
/// An immutable, start-sorted view of every stored event. The events' JSON lies in one buffer, in order,
/// each followed by a comma, so a run of consecutive matches is copied with one write. Readers take the
/// current instance once per request; updates build a new one, so no reader ever sees half a change.
/// </summary>
public sealed class EventSnapshot
{
    public static readonly EventSnapshot Empty = new([], version: 0);

    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly int[] _offsets; // event i is _json[_offsets[i].._offsets[i + 1]], its comma included
    private readonly byte[] _json;

    /// <param name="events">Sorted by start, then id.</param>
    /// <param name="version">The highest <c>events.version</c> the snapshot includes.</param>
    public EventSnapshot(IReadOnlyList<SnapshotEvent> events, long version)
    {
        Version = version;
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
            _starts[i] = events[i].StartsAt.Ticks;
            _ends[i] = events[i].EndsAt.Ticks;
            _offsets[i] = offset;
            events[i].Json.CopyTo(_json, offset);
            offset += events[i].Json.Length;
            _json[offset++] = (byte)',';
        }
        _offsets[events.Count] = offset;
    }

    public long Version { get; }

    public int Count => _starts.Length;

    /// <summary>
    /// The events with <paramref name="from"/> &lt;= start and end &lt;= <paramref name="to"/> (ticks of UTC
    /// wall-clock time, bounds inclusive). Only events that start within the bounds are looked at.
    /// </summary>
    public SnapshotMatch Find(long from, long to)
    {
        var first = LowerBound(_starts, from);
        var end = from > to ? first : UpperBound(_starts, to);
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

    /// <summary>Writes the matches of <see cref="Find"/> as a JSON array's elements, one write per run of consecutive matches.</summary>
    internal void WriteMatches(IBufferWriter<byte> writer, int first, int end, long to)
    {
        var runStart = -1;
        var pendingStart = -1;
        var pendingEnd = -1;
        for (var i = first; i <= end; i++)
        {
            var matches = i < end && _ends[i] <= to;
            if (matches)
            {
                if (runStart < 0)
                    runStart = i;
                continue;
            }
            if (runStart < 0)
                continue;
            if (pendingStart >= 0)
                writer.Write(_json.AsSpan(_offsets[pendingStart], _offsets[pendingEnd] - _offsets[pendingStart]));
            (pendingStart, pendingEnd, runStart) = (runStart, i, -1);
        }
        if (pendingStart >= 0) // the last run, without its trailing comma
            writer.Write(_json.AsSpan(_offsets[pendingStart], _offsets[pendingEnd] - _offsets[pendingStart] - 1));
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
