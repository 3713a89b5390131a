using Npgsql;

namespace Fever.Api.Snapshot;

/// <summary>Reads the events changed since a version: all of them from version 0, then only what later syncs rewrote.</summary>
public static class EventChangeReader
{
    /// <returns>How many changed events were applied to <paramref name="builder"/>.</returns>
    public static async Task<int> ReadChangesAsync(NpgsqlConnection connection, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, title, starts_at, ends_at, min_price, max_price, version FROM events WHERE version > $1", connection)
        {
            Parameters = { new() { Value = builder.Version } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var title = reader.GetString(1);
            var startsAt = reader.GetDateTime(2);
            var endsAt = reader.GetDateTime(3);
            decimal? minPrice = reader.IsDBNull(4) ? null : reader.GetDecimal(4);
            decimal? maxPrice = reader.IsDBNull(5) ? null : reader.GetDecimal(5);
            var json = EventEncoder.Encode(id, title, startsAt, endsAt, minPrice, maxPrice);
            builder.Apply(new SnapshotEvent(id, startsAt, endsAt, json), reader.GetInt64(6));
            changes++;
        }
        return changes;
    }
}
