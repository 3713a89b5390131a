using Fever.Data;

namespace Fever.Api.GraphQL;

/// <summary>A page of events as HotChocolate's connection: edges with cursors, the nodes, page info and the total.</summary>
public sealed class EventsConnection(EventOrder order, IReadOnlyList<Event> nodes, PageInfo pageInfo, int? totalCount)
{
    public IReadOnlyList<Event> Nodes { get; } = nodes;

    /// <summary>Made only when asked for: most pages are read through <see cref="Nodes"/>.</summary>
    public IReadOnlyList<EventEdge> Edges => field ??= Nodes.Select(node => new EventEdge(order, node)).ToList();

    public PageInfo PageInfo { get; } = pageInfo;

    public int? TotalCount { get; } = totalCount;
}

/// <summary>An event and its place in the order; the cursor is encoded only when asked for.</summary>
public sealed record EventEdge(EventOrder Order, Event Node)
{
    public string Cursor => EventCursor.Encode(Order, Node);
}

public sealed record PageInfo(EventOrder Order, bool HasNextPage, bool HasPreviousPage, Event? First, Event? Last)
{
    public string? StartCursor => First is null ? null : EventCursor.Encode(Order, First);
    public string? EndCursor => Last is null ? null : EventCursor.Encode(Order, Last);
}
