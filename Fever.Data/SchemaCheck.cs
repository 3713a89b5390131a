using Npgsql;

namespace Fever.Data;

/// <summary>
/// What the services do instead of migrating: make sure the database has every migration this build was made
/// with, once per process, and otherwise refuse with <see cref="SchemaOutOfDateException"/>.
/// </summary>
public sealed class SchemaCheck(NpgsqlDataSource dataSource)
{
    private volatile bool _current;

    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_current)
            return;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = await SchemaHistory.ReadAsync(connection, cancellationToken);
        var missing = Migration.Embedded.Where(m => !applied.ContainsKey(m.Version)).Select(m => $"{m.Version} ({m.Name})").ToList();
        if (missing.Count > 0)
            throw new SchemaOutOfDateException(
                $"The database lacks migration {string.Join(", ", missing)} that this build needs. " +
                "Run Fever.MigrationService against it first (the AppHost does so before starting the services).");
        _current = true;
    }
}
