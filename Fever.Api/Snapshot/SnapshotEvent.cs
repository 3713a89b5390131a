namespace Fever.Api.Snapshot;

/// <summary>One event as the snapshot keeps it: its sort keys and its <c>EventSummary</c> JSON, pre-encoded.</summary>
public sealed record SnapshotEvent(Guid Id, DateTime StartsAt, DateTime EndsAt, byte[] Json);
