using System.Net.Http.Json;
using System.Text.Json;
using Fever.ProviderSimulator;
using Fever.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Api;

/// <summary>PostgreSQL goes away and comes back under a running API.</summary>
public sealed class SnapshotResilienceTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"fever-resilience-{Guid.NewGuid():N}");
    private LocalPostgresOptions _options = null!;

    public Task InitializeAsync()
    {
        _options = new LocalPostgresOptions { DataDirectory = _dataDirectory, Port = LoopbackPort.Free() };
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Without_postgres_search_answers_from_the_snapshot_and_health_is_degraded_then_it_catches_up_by_itself()
    {
        await using var provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false });
        var postgres = await LocalPostgres.StartAsync(_options);
        var connectionString = await postgres.CreateDatabaseAsync("feverdb");
        await Migrations.ApplyAsync(connectionString);
        await SyncOnceAsync(connectionString, provider); // samples 1 and 2: three events
        await SyncOnceAsync(connectionString, provider);
        await using var api = await ApiProcess.StartHealthyAsync(connectionString, new Dictionary<string, string>
        {
            ["Snapshot__ReconnectDelay"] = "00:00:00.100",
            ["Snapshot__MaxReconnectDelay"] = "00:00:00.500",
        });
        using var http = new HttpClient { BaseAddress = api.Url };
        var served = await http.GetStringAsync("/search");

        await postgres.DisposeAsync();

        await Eventually.WaitUntilAsync(async () => await ApiProcess.HealthAsync(http) == "Degraded", TimeSpan.FromSeconds(10), api);
        Assert.Equal(served, await http.GetStringAsync("/search"));
        await Task.Delay(1_000); // several failed reconnections
        Assert.Equal(served, await http.GetStringAsync("/search"));
        var snapshot = (await http.GetFromJsonAsync<JsonElement>("/health")).GetProperty("checks").GetProperty("snapshot");
        Assert.Equal("Degraded", snapshot.GetProperty("status").GetString());
        Assert.Contains("PostgreSQL unreachable since", snapshot.GetProperty("description").GetString());
        Assert.True(snapshot.GetProperty("data").GetProperty("ageSeconds").GetDouble() >= 1);
        Assert.Equal(3, snapshot.GetProperty("data").GetProperty("events").GetInt32());

        postgres = await LocalPostgres.StartAsync(_options);
        await using (postgres)
        {
            await SyncOnceAsync(connectionString, provider); // sample 3 adds an event

            await Eventually.WaitUntilAsync(async () => await ApiProcess.HealthAsync(http) == "Healthy", TimeSpan.FromSeconds(15), api);
            await Eventually.WaitUntilAsync(async () => await http.GetStringAsync("/search") != served, TimeSpan.FromSeconds(5), api);
            using var body = JsonDocument.Parse(await http.GetStringAsync("/search"));
            Assert.Equal(4, body.RootElement.GetProperty("data").GetProperty("events").GetArrayLength());
        }
    }

    private static async Task SyncOnceAsync(string connectionString, EmbeddedProviderSimulator provider)
    {
        await using var worker = new SyncWorkerHost(connectionString, provider.FeedUrl);
        Assert.Equal(Fever.Data.SyncOutcome.Succeeded, (await worker.RunAsync())!.Outcome);
    }
}
