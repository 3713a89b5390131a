using Fever.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fever.Testing;

public static class Migrations
{
    /// <summary>Applies every migration, as the AppHost's <c>migrations</c> resource does before the services start.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).EnsureAppliedAsync(cancellationToken);
    }
}
