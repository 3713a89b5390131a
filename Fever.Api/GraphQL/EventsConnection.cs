using Fever.Data;

namespace Fever.Api.GraphQL;

/// <summary>A page of events as HotChocolate's connection: edges with cursors, the nodes, page info and the total.</summary>
public sealed record EventsConnection(IReadOnlyList<EventEdge> Edges, PageInfo PageInfo, int? TotalCount)
{
    public IEnumerable<Event> Nodes => Edges.Select(e => e.Node);
}

public sealed record EventEdge(string Cursor, Event Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
