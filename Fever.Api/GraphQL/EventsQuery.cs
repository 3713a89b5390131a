using Fever.Data;
using Fever.GraphQL;
using Fever.GraphQL.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fever.Api.GraphQL;

/// <summary>
/// Resolves <c>events</c> in PostgreSQL: the <c>startsAt</c>/<c>endsAt</c> range (as <c>/search</c>), <c>where</c>, the order,
/// then one page by keyset (<c>first</c>/<c>after</c> forwards, <c>last</c>/<c>before</c> backwards), reading one row more
/// than asked to know whether another page follows. <c>totalCount</c> is counted only when selected.
/// </summary>
public sealed class EventsQuery(IDbContextFactory<FeverDbContext> contexts, IOptions<ExecutionOptions> options)
{
    public const string PageSizeExceeded = "MAX_PAGE_SIZE_EXCEEDED";
    public const string InvalidPaging = "INVALID_PAGING";
    public const string InvalidRange = "INVALID_RANGE";

    public async ValueTask<object?> ResolveAsync(FieldContext context)
    {
        var (first, last) = PageSize(context);
        var order = EventOrder.From(context.Argument<List<object?>>("order"));
        var backwards = last is not null;
        var pageOrder = backwards ? order.Reversed() : order;
        var cursor = backwards ? context.Argument<string>("before") : context.Argument<string>("after");
        var size = (backwards ? last : first) ?? options.Value.DefaultPageSize;

        return await Storage.RunAsync(async cancellationToken =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var matching = Matching(db.Events.AsNoTracking(), context);
            var page = pageOrder.Apply(cursor is null ? matching : matching.Where(pageOrder.After(EventCursor.Decode(order, cursor))));
            var rows = await page.Take(size + 1).ToListAsync(cancellationToken);
            var hasMore = rows.Count > size;
            if (hasMore)
                rows.RemoveAt(size);
            if (backwards)
                rows.Reverse();
            int? total = context.Selects("totalCount") ? await matching.CountAsync(cancellationToken) : null;

            var edges = rows.Select(row => new EventEdge(order, row)).ToList();
            var pageInfo = new PageInfo(
                HasNextPage: backwards ? context.HasArgument("before") : hasMore,
                HasPreviousPage: backwards ? hasMore : context.HasArgument("after"),
                First: edges.FirstOrDefault(),
                Last: edges.LastOrDefault());
            return new EventsConnection(edges, pageInfo, total);
        }, context.CancellationToken);
    }

    private static IQueryable<Event> Matching(IQueryable<Event> events, FieldContext context)
    {
        if (context.Argument<DateTimeOffset?>("startsAt") > context.Argument<DateTimeOffset?>("endsAt"))
            throw new GraphQLException("startsAt is later than endsAt, so no event could match; did you swap them?", InvalidRange);
        if (context.Argument<DateTimeOffset?>("startsAt") is { } from)
        {
            var start = WallClock(from);
            events = events.Where(e => e.StartsAt >= start);
        }
        if (context.Argument<DateTimeOffset?>("endsAt") is { } to)
        {
            var end = WallClock(to);
            events = events.Where(e => e.EndsAt <= end);
        }
        if (context.Argument<IReadOnlyDictionary<string, object?>>("where") is { } where)
            events = events.Where(EventFilter.ToPredicate(where));
        return events;
    }

    private static DateTime WallClock(DateTimeOffset instant) => DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified);

    private (int? First, int? Last) PageSize(FieldContext context)
    {
        var first = context.Arguments.GetValueOrDefault("first") as int?;
        var last = context.Arguments.GetValueOrDefault("last") as int?;
        if (first is not null && last is not null)
            throw new GraphQLException("Give first (with after) or last (with before), not both.", InvalidPaging);
        if (first is not null && context.HasArgument("before") || last is not null && context.HasArgument("after"))
            throw new GraphQLException("Page forwards with first and after, or backwards with last and before.", InvalidPaging);
        if (first is null && last is null && context.HasArgument("before"))
            last = options.Value.DefaultPageSize;
        foreach (var (name, value) in new[] { ("first", first), ("last", last) })
        {
            if (value < 0)
                throw new GraphQLException($"{name} must not be negative.", InvalidPaging);
            if (value > options.Value.MaxPageSize)
                throw new GraphQLException($"{name} is {value}; a page holds at most {options.Value.MaxPageSize} events. Page with the cursors instead.",
                    PageSizeExceeded);
        }
        return (first, last);
    }
}
