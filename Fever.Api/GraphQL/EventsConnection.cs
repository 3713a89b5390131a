using Fever.Data;

namespace Fever.Api.GraphQL;

/// <summary>A page of events as HotChocolate's connection: edges with cursors, the nodes, page info and the total.</summary>
public sealed class EventsConnection(EventOrder order, IReadOnlyList<Event> events, PageInfo pageInfo, int? totalCount)
{
    /// <summary>Made only when asked for, as <see cref="Edges"/> are.</summary>
    public IReadOnlyList<EventNode> Nodes => field ??= events.Select(EventNode.Of).ToList();

    public IReadOnlyList<EventEdge> Edges => field ??= events.Select(item => new EventEdge(order, item)).ToList();

    public PageInfo PageInfo { get; } = pageInfo;

    public int? TotalCount { get; } = totalCount;
}

/// <summary>An event and its place in the order; the cursor is encoded only when asked for.</summary>
public sealed record EventEdge(EventOrder Order, Event Event)
{
    public EventNode Node => EventNode.Of(Event);

    public string Cursor => EventCursor.Encode(Order, Event);
}

/// <summary>Whether pages follow and precede, and the page's first and last events, whose cursors are encoded only when asked for.</summary>
public sealed record PageInfo(EventOrder Order, bool HasNextPage, bool HasPreviousPage, Event? First, Event? Last)
{
    public string? StartCursor => First is null ? null : EventCursor.Encode(Order, First);
    public string? EndCursor => Last is null ? null : EventCursor.Encode(Order, Last);
}
