namespace Fever.Api.Snapshot;

/// <summary>Where the snapshot stands against the database.</summary>
/// <param name="Connected">Listening for changes: the snapshot is current.</param>
/// <param name="ConfirmedAt">The last moment the snapshot was known to match the database.</param>
/// <param name="DisconnectedSince">When the database was lost, while it is.</param>
/// <param name="LastError">Why the database was lost, while it is.</param>
public sealed record SnapshotStatus(bool Connected, DateTimeOffset? ConfirmedAt, DateTimeOffset? DisconnectedSince, string? LastError)
{
    public static readonly SnapshotStatus Starting = new(false, null, null, null);
}
