using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Fever.Data;
using Fever.Sync.Feed;
using Npgsql;
using NpgsqlTypes;

namespace Fever.Sync.Storage;

/// <summary>
/// Stores one feed in one transaction: the plans stream by binary COPY into a temporary table while they are
/// parsed, then one statement merges them into <c>events</c>: new plans are inserted, plans whose content
/// changed are rewritten with a new version, and the rest only get their <c>last_seen_at</c> touched (an
/// unindexed column, so PostgreSQL can update them in place). Nothing is ever deleted. Merges of concurrent
/// workers are serialised by a transaction-scoped advisory lock, which also keeps versions in commit order.
/// If the feed or the database fails part-way, the transaction rolls back and stored data is untouched.
/// </summary>
public sealed class EventWriter(NpgsqlDataSource dataSource)
{
    private const long MergeLockKey = 0x4645564552_02; // "FEVER", 2

    private const string CreateStaging = """
        CREATE TEMP TABLE staging_events (
            id uuid, base_plan_id bigint, plan_id bigint, title text, organizer_company_id bigint,
            starts_at timestamp, ends_at timestamp, sell_from timestamp, sell_to timestamp, sold_out boolean,
            min_price numeric, max_price numeric, zones jsonb COMPRESSION lz4
        ) ON COMMIT DROP
        """;

    private const string CopyStaging = """
        COPY staging_events (id, base_plan_id, plan_id, title, organizer_company_id, starts_at, ends_at,
                             sell_from, sell_to, sold_out, min_price, max_price, zones)
        FROM STDIN (FORMAT BINARY)
        """;

    // New and changed plans go through the upsert; unchanged ones only get last_seen_at, so PostgreSQL
    // keeps their TOASTed zones and index entries and can update them in place (HOT).
    private const string Merge = """
        WITH incoming AS (
            SELECT s.*, e.id IS NULL AS is_new,
                   e.id IS NOT NULL AND (s.title, s.organizer_company_id, s.starts_at, s.ends_at, s.sell_from,
                                         s.sell_to, s.sold_out, s.min_price, s.max_price, s.zones)
                       IS DISTINCT FROM (e.title, e.organizer_company_id, e.starts_at, e.ends_at, e.sell_from,
                                         e.sell_to, e.sold_out, e.min_price, e.max_price, e.zones) AS is_changed
            FROM staging_events s
            LEFT JOIN events e ON e.base_plan_id = s.base_plan_id AND e.plan_id = s.plan_id
        ), upserted AS (
            INSERT INTO events AS e (id, base_plan_id, plan_id, title, organizer_company_id, starts_at, ends_at,
                                     sell_from, sell_to, sold_out, min_price, max_price, zones,
                                     first_seen_at, last_seen_at, updated_at, version)
            SELECT id, base_plan_id, plan_id, title, organizer_company_id, starts_at, ends_at,
                   sell_from, sell_to, sold_out, min_price, max_price, zones,
                   @seen_at, @seen_at, @seen_at, @version
            FROM incoming
            WHERE is_new OR is_changed
            ORDER BY base_plan_id, plan_id
            ON CONFLICT (base_plan_id, plan_id) DO UPDATE SET
                title = excluded.title, organizer_company_id = excluded.organizer_company_id,
                starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                sell_from = excluded.sell_from, sell_to = excluded.sell_to, sold_out = excluded.sold_out,
                min_price = excluded.min_price, max_price = excluded.max_price, zones = excluded.zones,
                last_seen_at = excluded.last_seen_at, updated_at = excluded.updated_at, version = excluded.version
            RETURNING 1
        ), sighted AS (
            UPDATE events e SET last_seen_at = @seen_at
            FROM incoming i
            WHERE e.id = i.id AND NOT i.is_new AND NOT i.is_changed
            RETURNING 1
        )
        SELECT count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE is_changed), count(*),
               (SELECT count(*) FROM upserted) + (SELECT count(*) FROM sighted)
        FROM incoming
        """;

    /// <summary>Stores <paramref name="plans"/> as they come; traced as "write", with what the merge did.</summary>
    public async Task<EventWriteResult> WriteAsync(
        IAsyncEnumerable<FeedPlan> plans, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        using var activity = SyncTelemetry.Source.StartActivity("write");
        try
        {
            var result = await WriteInTransactionAsync(plans, seenAt, cancellationToken);
            activity?.SetTag("fever.sync.plans.inserted", result.Inserted)
                .SetTag("fever.sync.plans.updated", result.Updated)
                .SetTag("fever.sync.plans.unchanged", result.Unchanged)
                .SetTag("fever.sync.version", result.Version);
            return result;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    private async Task<EventWriteResult> WriteInTransactionAsync(
        IAsyncEnumerable<FeedPlan> plans, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, CreateStaging, cancellationToken);
        await CopyAsync(connection, plans, cancellationToken);

        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MergeLockKey})", cancellationToken);
        var version = await ScalarAsync<long>(connection, "SELECT nextval('events_version_seq')", cancellationToken);

        EventWriteResult result;
        await using (var merge = new NpgsqlCommand(Merge, connection))
        {
            merge.Parameters.AddWithValue("seen_at", seenAt);
            merge.Parameters.AddWithValue("version", version);
            await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (inserted, changed, total) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            result = new EventWriteResult((int)inserted, (int)changed, (int)(total - inserted - changed), version);
        }

        if (result.ChangedAnything)
            await ExecuteAsync(connection, $"SELECT pg_notify('{EventChanges.Channel}', '{version}')", cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IAsyncEnumerable<FeedPlan> plans, CancellationToken cancellationToken)
    {
        var json = new ArrayBufferWriter<byte>(4096);
        await using var copy = await connection.BeginBinaryImportAsync(CopyStaging, cancellationToken);
        await foreach (var plan in plans.WithCancellation(cancellationToken))
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(EventIdentity.For(plan.BasePlanId, plan.PlanId), NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(plan.BasePlanId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(plan.PlanId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(plan.Title, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(copy, plan.OrganizerCompanyId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(plan.StartsAt, NpgsqlDbType.Timestamp, cancellationToken);
            await copy.WriteAsync(plan.EndsAt, NpgsqlDbType.Timestamp, cancellationToken);
            await WriteNullableAsync(copy, plan.SellFrom, NpgsqlDbType.Timestamp, cancellationToken);
            await WriteNullableAsync(copy, plan.SellTo, NpgsqlDbType.Timestamp, cancellationToken);
            await copy.WriteAsync(plan.SoldOut, NpgsqlDbType.Boolean, cancellationToken);
            await WriteNullableAsync(copy, plan.MinPrice, NpgsqlDbType.Numeric, cancellationToken);
            await WriteNullableAsync(copy, plan.MaxPrice, NpgsqlDbType.Numeric, cancellationToken);
            await copy.WriteAsync(ZonesJson(plan.Zones, json), NpgsqlDbType.Jsonb, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>The zones as the jsonb array the EF model maps: <c>[{"zone_id":40,"name":"Platea",…}]</c>.</summary>
    private static string ZonesJson(IReadOnlyList<FeedZone> zones, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var zone in zones)
            {
                writer.WriteStartObject();
                writer.WriteNumber("zone_id", zone.ZoneId);
                writer.WriteString("name", zone.Name);
                if (zone.Capacity is { } capacity) writer.WriteNumber("capacity", capacity);
                else writer.WriteNull("capacity");
                writer.WriteNumber("price", zone.Price);
                if (zone.Numbered is { } numbered) writer.WriteBoolean("numbered", numbered);
                else writer.WriteNull("numbered");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
