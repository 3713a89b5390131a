using Fever.Api.Snapshot;
using Fever.Data;
using Fever.GraphQL;
using Fever.GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace Fever.Api.GraphQL;

/// <summary>
/// Resolves <c>events</c> and <c>eventById</c> from the API's snapshot, the one <c>/search</c> reads: the
/// <c>startsAt</c>/<c>endsAt</c> range (as <c>/search</c>), <c>where</c>, the order, then one page by keyset (<c>first</c>/
/// <c>after</c> forwards, <c>last</c>/<c>before</c> backwards), looking one event further than asked to know whether
/// another page follows. <c>totalCount</c> is counted only when selected.
/// </summary>
public sealed class EventsQuery(EventSnapshotStore store, IOptions<ExecutionOptions> options)
{
    public const string PageSizeExceeded = "MAX_PAGE_SIZE_EXCEEDED";
    public const string InvalidPaging = "INVALID_PAGING";
    public const string InvalidRange = "INVALID_RANGE";

    public ValueTask<object?> ResolveAsync(FieldContext context) => new(Resolve(context));

    public ValueTask<object?> ResolveByIdAsync(FieldContext context) =>
        new(RequestSnapshot.Of(context, store).FindById(context.Argument<Guid>("id")) is { } found ? EventNode.Of(found) : null);

    private EventsConnection Resolve(FieldContext context)
    {
        var (first, last) = PageSize(context);
        var order = EventOrder.From(context.Argument<List<object?>>("order"));
        var backwards = last is not null;
        var cursor = backwards ? context.Argument<string>("before") : context.Argument<string>("after");
        var size = (backwards ? last : first) ?? options.Value.DefaultPageSize;
        var (from, to) = Range(context);
        var where = context.Argument<IReadOnlyDictionary<string, object?>>("where") is { } filter ? EventFilter.ToPredicate(filter) : null;
        var cursorKeys = cursor is null ? null : EventCursor.Decode(order, cursor);

        var events = SortedEvents.Of(RequestSnapshot.Of(context, store), order, from, to);
        bool Matches(Event item) => item.StartsAt.Ticks >= from && item.EndsAt.Ticks <= to && (where is null || where(item));

        // Backwards: from the event just before the cursor down to the first; then the page is put back in order.
        var (start, step) = backwards
            ? ((cursorKeys is null ? events.Count : events.FirstAfter(order, cursorKeys, orAtIt: true)) - 1, -1)
            : (cursorKeys is null ? 0 : events.FirstAfter(order, cursorKeys, orAtIt: false), 1);
        var page = new List<Event>(Math.Min(size, events.Count));
        var hasMore = false;
        for (var i = start; i >= 0 && i < events.Count && !hasMore; i += step)
        {
            if (!Matches(events[i]))
                continue;
            if (page.Count == size)
                hasMore = true;
            else
                page.Add(events[i]);
        }
        if (backwards)
            page.Reverse();

        int? total = null;
        if (context.Selects("totalCount"))
        {
            total = 0;
            for (var i = 0; i < events.Count; i++)
            {
                if (Matches(events[i]))
                    total++;
            }
        }

        var pageInfo = new PageInfo(order,
            HasNextPage: backwards ? context.HasArgument("before") : hasMore,
            HasPreviousPage: backwards ? hasMore : context.HasArgument("after"),
            First: page.Count > 0 ? page[0] : null,
            Last: page.Count > 0 ? page[^1] : null);
        return new EventsConnection(order, page, pageInfo, total);
    }

    /// <summary>The range in ticks of UTC wall-clock time, as <c>/search</c> takes it.</summary>
    private static (long From, long To) Range(FieldContext context)
    {
        var from = context.Argument<DateTimeOffset?>("startsAt");
        var to = context.Argument<DateTimeOffset?>("endsAt");
        if (from > to)
            throw new GraphQLException("startsAt is later than endsAt, so no event could match; did you swap them?", InvalidRange);
        return (from?.UtcDateTime.Ticks ?? DateTime.MinValue.Ticks, to?.UtcDateTime.Ticks ?? DateTime.MaxValue.Ticks);
    }

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
