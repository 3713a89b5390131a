using System.Text.Json;
using Fever.Data;
using Npgsql;

namespace Fever.Api.Snapshot;

/// <summary>Reads the events changed since a version: all of them from version 0, then only what later syncs rewrote.</summary>
public static class EventChangeReader
{
    private const string Sql =
        "SELECT id, base_plan_id, plan_id, title, organizer_company_id, starts_at, ends_at, sell_from, sell_to, sold_out, " +
        "min_price, max_price, zones, first_seen_at, last_seen_at, updated_at, version FROM events WHERE version > $1";

    /// <returns>How many changed events were applied to <paramref name="builder"/>.</returns>
    public static async Task<int> ReadChangesAsync(NpgsqlConnection connection, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = builder.Version } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = new Event
            {
                Id = reader.GetGuid(0),
                BasePlanId = reader.GetInt64(1),
                PlanId = reader.GetInt64(2),
                Title = reader.GetString(3),
                OrganizerCompanyId = reader.IsDBNull(4) ? null : reader.GetInt64(4),
                StartsAt = reader.GetDateTime(5),
                EndsAt = reader.GetDateTime(6),
                SellFrom = reader.IsDBNull(7) ? null : reader.GetDateTime(7),
                SellTo = reader.IsDBNull(8) ? null : reader.GetDateTime(8),
                SoldOut = reader.GetBoolean(9),
                MinPrice = reader.IsDBNull(10) ? null : reader.GetDecimal(10),
                MaxPrice = reader.IsDBNull(11) ? null : reader.GetDecimal(11),
                Zones = JsonSerializer.Deserialize(reader.GetString(12), ZonesJsonContext.Default.ListEventZone) ?? [],
                FirstSeenAt = reader.GetFieldValue<DateTimeOffset>(13),
                LastSeenAt = reader.GetFieldValue<DateTimeOffset>(14),
                UpdatedAt = reader.GetFieldValue<DateTimeOffset>(15),
                Version = reader.GetInt64(16),
            };
            builder.Apply(new SnapshotEvent(stored, EventEncoder.Encode(stored)), stored.Version);
            changes++;
        }
        return changes;
    }
}
