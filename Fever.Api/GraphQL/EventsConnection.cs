using Fever.Data;

namespace Fever.Api.GraphQL;

/// <summary>A page of events as HotChocolate's connection: edges with cursors, the nodes, page info and the total.</summary>
public sealed record EventsConnection(IReadOnlyList<EventEdge> Edges, PageInfo PageInfo, int? TotalCount)
{
    public IEnumerable<Event> Nodes => Edges.Select(e => e.Node);
}

/// <summary>An event and its place in the order; the cursor is encoded only when asked for.</summary>
public sealed record EventEdge(EventOrder Order, Event Node)
{
    public string Cursor => EventCursor.Encode(Order, Node);
}

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, EventEdge? First, EventEdge? Last)
{
    public string? StartCursor => First?.Cursor;
    public string? EndCursor => Last?.Cursor;
}
