using Fever.Data;

namespace Fever.Api.Snapshot;

/// <summary>
/// One event as the snapshot keeps it: the whole stored event (what GraphQL reads; never changed once loaded) and its
/// <c>EventSummary</c> JSON for <c>/search</c>, pre-encoded.
/// </summary>
public sealed record SnapshotEvent(Event Event, byte[] Json)
{
    public Guid Id => Event.Id;
    public DateTime StartsAt => Event.StartsAt;
    public DateTime EndsAt => Event.EndsAt;
}
