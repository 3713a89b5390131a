using Fever.ProviderSimulator;
using Fever.Testing;

namespace Fever.Benchmarks.Api;

/// <summary>
/// A generated feed stored in a throwaway PostgreSQL by one run of the real worker (the simulator serving the feed, as
/// production does): the data the scenarios that load Fever.Api start it on. Disposing it deletes the database.
/// </summary>
public sealed class StoredFeed : IAsyncDisposable
{
    private readonly ThrowawayDatabase _database;

    private StoredFeed(ThrowawayDatabase database) => _database = database;

    public string ConnectionString => _database.ConnectionString;

    public static async Task<StoredFeed> StartAsync(string scenario, GeneratedFeedOptions feed, CancellationToken cancellationToken)
    {
        Progress.Report(scenario, "starting PostgreSQL");
        var database = await ThrowawayDatabase.StartAsync("bench", cancellationToken);
        try
        {
            await StoreAsync(scenario, feed, database.ConnectionString, cancellationToken);
            return new StoredFeed(database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task StoreAsync(string scenario, GeneratedFeedOptions feed, string connectionString, CancellationToken cancellationToken)
    {
        Progress.Report(scenario, "rendering the feed and starting the provider simulator");
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Generated = feed }, cancellationToken);
        Progress.Report(scenario, $"worker: one sync of the {new GeneratedFeed(feed).PlanCount} plans");
        await SyncWorkerProcess.RunOnceAsync(connectionString, simulator.FeedUrl, cancellationToken);
    }
}
