using System.Globalization;
using Fever.Api.Snapshot;
using Fever.GraphQL;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Http;

namespace Fever.Api.GraphQL;

/// <summary>
/// The one snapshot every field of an operation reads: taken from the store by the first field that needs it, so a
/// request's pages, totals and events agree even when the snapshot changes meanwhile. Over HTTP its version is sent in
/// the <see cref="HeaderName"/> header: the number in the weak ETag of a <c>/search</c> answer made from the same snapshot.
/// </summary>
public static class RequestSnapshot
{
    public const string HeaderName = "Fever-Snapshot-Version";
    public const string Unavailable = "SNAPSHOT_UNAVAILABLE";

    private const string Key = "Fever.Api.Snapshot";

    public static EventSnapshot Of(FieldContext context, EventSnapshotStore store)
    {
        if (context.OperationData.TryGetValue(Key, out var taken))
            return (EventSnapshot)taken!;
        var snapshot = store.Current
            ?? throw new GraphQLException("The events are still being loaded from the database; retry in a few seconds.", Unavailable);
        context.OperationData[Key] = snapshot;
        if (context.ContextData.GetValueOrDefault(GraphQLEndpointExtensions.HttpContextKey) is HttpContext http)
            http.Response.Headers[HeaderName] = snapshot.Version.ToString(CultureInfo.InvariantCulture);
        return snapshot;
    }
}
