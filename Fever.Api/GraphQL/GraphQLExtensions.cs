using Fever.Data;
using Fever.GraphQL.Http;

namespace Fever.Api.GraphQL;

public static class GraphQLExtensions
{
    /// <summary>
    /// The events' GraphQL schema and its engine; limits from the "GraphQL" section, the API key from "Mutations". The events
    /// come from the snapshot of <see cref="Snapshot.SnapshotExtensions.AddEventSnapshot"/>; EF Core reads only the sync runs.
    /// </summary>
    public static IHostApplicationBuilder AddEventsGraphQL(this IHostApplicationBuilder builder)
    {
        builder.AddFeverDbContext();
        builder.Services.AddOptions<MutationOptions>().BindConfiguration(MutationOptions.SectionName);
        builder.Services.AddSingleton<EventsQuery>();
        builder.Services.AddSingleton<SyncRequests>();
        builder.Services.AddGraphQLServer(FeverSchema.Build);
        return builder;
    }
}
