using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Fever.Api.Snapshot;
using Fever.Data;

namespace Fever.Api.GraphQL;

/// <summary>
/// A snapshot's events in one <see cref="EventOrder"/>: the snapshot's own array for the default order (by start, then
/// id), else a sorted copy made on the order's first use and kept as long as the snapshot. An order and its reverse
/// share one copy (the one whose first key ascends), read backwards. At most <see cref="KeptOrders"/> orders are kept
/// per snapshot; others are sorted per request.
/// </summary>
public readonly ref struct SortedEvents
{
    public const int KeptOrders = 64;

    private static readonly ConditionalWeakTable<EventSnapshot, ConcurrentDictionary<string, Event[]>> Kept = new();

    private readonly ReadOnlySpan<Event> _items;
    private readonly bool _reversed;

    private SortedEvents(ReadOnlySpan<Event> items, bool reversed)
    {
        _items = items;
        _reversed = reversed;
    }

    public int Count => _items.Length;

    /// <summary>The <paramref name="index"/>th event in the order.</summary>
    public Event this[int index] => _reversed ? _items[_items.Length - 1 - index] : _items[index];

    /// <summary>
    /// The events in <paramref name="order"/>; in the snapshot's own order (or its reverse) only those that start between
    /// <paramref name="from"/> and <paramref name="to"/> (ticks, inclusive), found by binary search.
    /// </summary>
    public static SortedEvents Of(EventSnapshot snapshot, EventOrder order, long from, long to)
    {
        var reversed = order.Keys[0].Descending;
        var ascending = reversed ? order.Reversed() : order;
        if (ascending.Signature == EventOrder.Default.Signature)
        {
            var start = snapshot.FirstStartingFrom(from);
            return new SortedEvents(snapshot.Events[start..Math.Max(start, snapshot.EndOfStartingUntil(to))], reversed);
        }

        var kept = Kept.GetOrCreateValue(snapshot);
        if (!kept.TryGetValue(ascending.Signature, out var sorted))
        {
            sorted = snapshot.Events.ToArray();
            Array.Sort(sorted, ascending);
            if (kept.Count < KeptOrders)
                kept.TryAdd(ascending.Signature, sorted);
        }
        return new SortedEvents(sorted, reversed);
    }

    /// <summary>
    /// The index of the first event after the cursor's position in <paramref name="order"/> (this view's order), or at
    /// it too when <paramref name="orAtIt"/>.
    /// </summary>
    public int FirstAfter(EventOrder order, IReadOnlyList<object?> cursorKeys, bool orAtIt)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var comparison = order.CompareToCursor(this[middle], cursorKeys);
            if (comparison < 0 || comparison == 0 && !orAtIt)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
