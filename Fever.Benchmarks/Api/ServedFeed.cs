using Fever.AppHost.Simulator;

namespace Fever.Benchmarks.Api;

/// <summary>
/// What the scenarios that load Fever.Api measure against: a generated feed stored in a throwaway PostgreSQL by one run
/// of the real worker (the simulator serving the feed, as production does), and Fever.Api (its Release build, as its own
/// process) started on that database and healthy. Disposing it stops the API, then deletes the database.
/// </summary>
public sealed class ServedFeed : IAsyncDisposable
{
    private readonly ThrowawayDatabase _database;

    private ServedFeed(ThrowawayDatabase database, ApiProcess api)
    {
        _database = database;
        Api = api;
    }

    public ApiProcess Api { get; }

    public static async Task<ServedFeed> StartAsync(string scenario, GeneratedFeedOptions feed, CancellationToken cancellationToken)
    {
        Progress.Report(scenario, "starting PostgreSQL");
        var database = await ThrowawayDatabase.StartAsync(cancellationToken);
        try
        {
            await StoreAsync(scenario, feed, database.ConnectionString, cancellationToken);
            Progress.Report(scenario, "starting Fever.Api and waiting for /health to be Healthy");
            return new ServedFeed(database, await ApiProcess.StartHealthyAsync(database.ConnectionString, cancellationToken));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static async Task StoreAsync(string scenario, GeneratedFeedOptions feed, string connectionString, CancellationToken cancellationToken)
    {
        Progress.Report(scenario, "rendering the feed and starting the provider simulator");
        await using var simulator = await ProviderSimulator.StartAsync(new ProviderSimulatorOptions { Generated = feed }, cancellationToken);
        Progress.Report(scenario, $"worker: one sync of the {new GeneratedFeed(feed).PlanCount} plans");
        await SyncWorkerProcess.RunOnceAsync(connectionString, simulator.FeedUrl, cancellationToken);
    }
}
