using System.Net.Http.Json;
using System.Text.Json;
using Fever.Data;
using Fever.ProviderSimulator;
using Fever.Testing;
using Fever.Tests.Infrastructure;
using Npgsql;

namespace Fever.Tests.Sync;

/// <summary>The worker as it is deployed: its own process, configured by Aspire-style environment variables.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SyncWorkerProcessTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Against_a_feed_failing_one_call_in_four_it_ends_with_the_right_events_and_stops_cleanly()
    {
        await using var provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false, FailEvery = 4 });
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var worker = ServiceProcess.Start("Fever.Sync", new Dictionary<string, string>
        {
            ["ConnectionStrings__feverdb"] = connectionString,
            ["services__provider__http__0"] = provider.BaseAddress.ToString().TrimEnd('/'),
            ["Sync__Interval"] = "00:00:00.300",
            ["Provider__RetryBaseDelay"] = "00:00:00.020",
        });

        await Eventually.WaitUntilAsync(async () => await CountAsync(connectionString, "SELECT count(*) FROM sync_runs WHERE outcome = 'succeeded'") >= 4,
            TimeSpan.FromSeconds(60), worker);

        using var http = new HttpClient { BaseAddress = worker.Url };
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("PostgreSql").GetProperty("status").GetString());
        Assert.Equal("Healthy", (await http.GetFromJsonAsync<JsonElement>("/alive")).GetProperty("status").GetString());

        Assert.Equal(0, await worker.StopAsync(TimeSpan.FromSeconds(20)));
        Assert.True(provider.Failures > 0);
        var ids = await ListAsync(connectionString, "SELECT id::text FROM events ORDER BY base_plan_id, plan_id");
        Assert.Equal(new[] { (291, 291), (322, 1642), (1591, 1642), (1601, 1650) }.Select(k => EventIdentity.For(k.Item1, k.Item2).ToString()), ids);
        Assert.Equal(0, await CountAsync(connectionString, "SELECT count(*) FROM sync_runs WHERE outcome = 'running'"));
    }

    [Fact]
    public async Task Without_a_connection_string_it_refuses_to_start_and_says_what_is_missing()
    {
        await using var worker = ServiceProcess.Start("Fever.Sync", new Dictionary<string, string> { ["Provider__Url"] = "http://127.0.0.1:9/api/events" });

        var exitCode = await worker.Exited.WaitAsync(TimeSpan.FromSeconds(30)); // HasExited comes before the last output is read

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings__feverdb", worker.Output);
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private static async Task<List<string>> ListAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await Fever.Tests.Data.MigrationTests.ListAsync(dataSource, sql);
    }
}
