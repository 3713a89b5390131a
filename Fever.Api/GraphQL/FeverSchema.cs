using Fever.Data;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;
using Fever.GraphQL.Types.Scalars;
using Microsoft.EntityFrameworkCore;

namespace Fever.Api.GraphQL;

/// <summary>
/// The GraphQL schema of the events, in HotChocolate's conventions (connections, filter and sort inputs, scalars):
/// <c>events</c> and <c>eventById</c> read the API's snapshot, <c>syncStatus</c> and <c>requestSync</c> PostgreSQL.
/// </summary>
public static class FeverSchema
{
    public static Schema Build(IServiceProvider services)
    {
        var events = services.GetRequiredService<EventsQuery>();
        var syncRequests = services.GetRequiredService<SyncRequests>();
        var contexts = services.GetRequiredService<IDbContextFactory<FeverDbContext>>();

        var eventType = EventType();
        var query = new ObjectType("Query")
            .Field(new FieldDefinition("events", Connection(eventType), events.ResolveAsync, "The events ever seen on sale, a page at a time.",
            [
                new InputValue("first", BuiltInScalars.Int, "Returns the first _n_ elements from the list."),
                new InputValue("after", BuiltInScalars.String, "Returns the elements in the list that come after the specified cursor."),
                new InputValue("last", BuiltInScalars.Int, "Returns the last _n_ elements from the list."),
                new InputValue("before", BuiltInScalars.String, "Returns the elements in the list that come before the specified cursor."),
                new InputValue("startsAt", HotChocolateScalars.DateTime, "Only events that start at or after this instant (as /search's starts_at)."),
                new InputValue("endsAt", HotChocolateScalars.DateTime, "Only events that end at or before this instant (as /search's ends_at)."),
                new InputValue("where", FilterInputTypes.EventFilter()),
                new InputValue("order", EventOrder.SortInput().NonNull().List()),
            ]) { IsPaged = true })
            .Field(new FieldDefinition("eventById", eventType, events.ResolveByIdAsync,
                "One event by its id, or null.", [new InputValue("id", HotChocolateScalars.Uuid.NonNull())]))
            .Field(new FieldDefinition("syncStatus", SyncStatusType(contexts).NonNull(), _ => new ValueTask<object?>(new object()),
                "What the sync worker did lately."));

        var mutation = new ObjectType("Mutation")
            .Field(new FieldDefinition("requestSync", RequestSyncPayload().NonNull(), syncRequests.RequestAsync,
                "Asks the sync worker to run now instead of at its next interval. Needs the API key in the X-Api-Key header."));

        return new Schema(query, mutation);
    }

    private static ObjectType EventType()
    {
        var zone = new ObjectType("Zone", "A priced seating area of an event.")
            .Field<EventZone>("zoneId", HotChocolateScalars.Long.NonNull(), z => z.ZoneId)
            .Field<EventZone>("name", BuiltInScalars.String, z => z.Name)
            .Field<EventZone>("capacity", BuiltInScalars.Int, z => z.Capacity)
            .Field<EventZone>("price", HotChocolateScalars.Decimal.NonNull(), z => z.Price)
            .Field<EventZone>("numbered", BuiltInScalars.Boolean, z => z.Numbered);

        var type = new ObjectType("Event", "One dated session of a show, as the provider sold it.");
        for (var i = 0; i < EventField.All.Count; i++)
        {
            var index = i;
            type.Field<EventNode>(EventField.All[i].Name, EventField.All[i].OutputType, node => node.Values[index], EventField.All[i].Description);
        }
        return type.Field<EventNode>("zones", zone.NonNull().List().NonNull(), node => node.Event.Zones, "The priced zones, in the provider's order.");
    }

    private static ObjectType Connection(ObjectType node)
    {
        var pageInfo = new ObjectType("PageInfo", "Information about pagination in a connection.")
            .Field<PageInfo>("hasNextPage", BuiltInScalars.Boolean.NonNull(), p => p.HasNextPage,
                "Indicates whether more edges exist following the set defined by the clients arguments.")
            .Field<PageInfo>("hasPreviousPage", BuiltInScalars.Boolean.NonNull(), p => p.HasPreviousPage,
                "Indicates whether more edges exist prior the set defined by the clients arguments.")
            .Field<PageInfo>("startCursor", BuiltInScalars.String, p => p.StartCursor, "When paginating backwards, the cursor to continue.")
            .Field<PageInfo>("endCursor", BuiltInScalars.String, p => p.EndCursor, "When paginating forwards, the cursor to continue.");
        var edge = new ObjectType("EventsEdge", "An edge in a connection.")
            .Field<EventEdge>("cursor", BuiltInScalars.String.NonNull(), e => e.Cursor, "A cursor for use in pagination.")
            .Field<EventEdge>("node", node.NonNull(), e => e.Node, "The item at the end of the edge.");
        return new ObjectType("EventsConnection", "A connection to a list of items.")
            .Field<EventsConnection>("pageInfo", pageInfo.NonNull(), c => c.PageInfo, "Information to aid in pagination.")
            .Field<EventsConnection>("edges", edge.NonNull().List(), c => c.Edges, "A list of edges.")
            .Field<EventsConnection>("nodes", node.NonNull().List(), c => c.Nodes, "A flattened list of the nodes.")
            .Field<EventsConnection>("totalCount", BuiltInScalars.Int.NonNull(), c => c.TotalCount, "Identifies the total count of items in the connection.");
    }

    private static ObjectType SyncStatusType(IDbContextFactory<FeverDbContext> contexts)
    {
        var skipReason = new ObjectType("SkipReasonCount", "How many plans or zones a run skipped for one reason.")
            .Field<KeyValuePair<string, int>>("reason", BuiltInScalars.String.NonNull(), p => p.Key)
            .Field<KeyValuePair<string, int>>("count", BuiltInScalars.Int.NonNull(), p => p.Value);
        var run = new ObjectType("SyncRun", "One pass of the sync worker over the provider's feed.")
            .Field<SyncRun>("id", HotChocolateScalars.Long.NonNull(), r => r.Id)
            .Field<SyncRun>("startedAt", HotChocolateScalars.DateTime.NonNull(), r => r.StartedAt)
            .Field<SyncRun>("finishedAt", HotChocolateScalars.DateTime, r => r.FinishedAt)
            .Field<SyncRun>("durationMs", HotChocolateScalars.Long, r => (long?)(r.FinishedAt - r.StartedAt)?.TotalMilliseconds)
            .Field<SyncRun>("outcome", EnumType.From<SyncOutcome>("SyncOutcome").NonNull(), r => r.Outcome)
            .Field<SyncRun>("worker", BuiltInScalars.String.NonNull(), r => r.Worker)
            .Field<SyncRun>("providerUrl", BuiltInScalars.String, r => r.ProviderUrl)
            .Field<SyncRun>("httpStatus", BuiltInScalars.Int, r => r.HttpStatus)
            .Field<SyncRun>("attempts", BuiltInScalars.Int.NonNull(), r => r.Attempts)
            .Field<SyncRun>("bytesRead", HotChocolateScalars.Long.NonNull(), r => r.BytesRead)
            .Field<SyncRun>("plansSeen", BuiltInScalars.Int.NonNull(), r => r.PlansSeen)
            .Field<SyncRun>("plansInserted", BuiltInScalars.Int.NonNull(), r => r.PlansInserted)
            .Field<SyncRun>("plansUpdated", BuiltInScalars.Int.NonNull(), r => r.PlansUpdated)
            .Field<SyncRun>("plansUnchanged", BuiltInScalars.Int.NonNull(), r => r.PlansUnchanged)
            .Field<SyncRun>("plansSkipped", BuiltInScalars.Int.NonNull(), r => r.PlansSkipped)
            .Field<SyncRun>("zonesSkipped", BuiltInScalars.Int.NonNull(), r => r.ZonesSkipped)
            .Field<SyncRun>("skipReasons", skipReason.NonNull().List().NonNull(), r => r.SkipReasons.OrderBy(p => p.Key).ToList())
            .Field<SyncRun>("error", BuiltInScalars.String, r => r.Error);

        return new ObjectType("SyncStatus", "What the sync worker did lately.")
            .Field(new FieldDefinition("lastRuns", run.NonNull().List().NonNull(),
                async context => await Storage.RunAsync(async cancellationToken =>
                {
                    var count = context.Argument<int>("count");
                    if (count is < 0 or > 100)
                        throw new Fever.GraphQL.GraphQLException("count is between 0 and 100.", EventsQuery.InvalidPaging);
                    await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                    return (object?)await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
                }, context.CancellationToken),
                "The most recent runs, newest first.",
                [new InputValue("count", BuiltInScalars.Int.NonNull(), null, new IntValueNode("10", default))]))
            .Field(new FieldDefinition("lastSucceededAt", HotChocolateScalars.DateTime,
                async context => await Storage.RunAsync(async cancellationToken =>
                {
                    await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                    return (object?)await db.SyncRuns.Where(r => r.Outcome == SyncOutcome.Succeeded).MaxAsync(r => r.FinishedAt, cancellationToken);
                }, context.CancellationToken),
                "When the last successful run finished."));
    }

    private static ObjectType RequestSyncPayload() => new ObjectType("RequestSyncPayload", "The answer to requestSync.")
        .Field<DateTimeOffset>("requestedAt", HotChocolateScalars.DateTime.NonNull(), at => at, "When the request was sent to the worker.");
}
