using Npgsql;

namespace Fever.Data;

/// <summary>The <c>schema_history</c> table: version → checksum of every applied migration.</summary>
internal static class SchemaHistory
{
    public static async Task<Dictionary<int, string>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, string>();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_history') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
                return history;
        }
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_history", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            history[reader.GetInt32(0)] = reader.GetString(1);
        return history;
    }
}
