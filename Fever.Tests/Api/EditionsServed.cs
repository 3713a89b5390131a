using Fever.ProviderSimulator;
using Fever.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Api;

/// <summary>
/// <see cref="EditionFeed"/>'s first edition stored and served by a running API; the worker's next run stores the
/// second edition over it, rewriting every event in one transaction.
/// </summary>
public sealed class EditionsServed : IAsyncDisposable
{
    private readonly DirectoryInfo feeds;
    private readonly EmbeddedProviderSimulator provider;
    private readonly ServiceProcess api;

    private EditionsServed(DirectoryInfo feeds, EmbeddedProviderSimulator provider, SyncWorkerHost worker, ServiceProcess api)
    {
        this.feeds = feeds;
        this.provider = provider;
        this.api = api;
        Worker = worker;
        Http = new HttpClient { BaseAddress = api.Url };
    }

    public SyncWorkerHost Worker { get; }

    public HttpClient Http { get; }

    public static async Task<EditionsServed> StartAsync(PostgresFixture postgres)
    {
        var feeds = Directory.CreateTempSubdirectory("fever-feeds-");
        await File.WriteAllTextAsync(Path.Combine(feeds.FullName, "1.xml"), EditionFeed.Xml(edition: "first", price: 10));
        await File.WriteAllTextAsync(Path.Combine(feeds.FullName, "2.xml"), EditionFeed.Xml(edition: "second", price: 20));
        var connectionString = await postgres.CreateDatabaseAsync();
        var provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false, SamplesDirectory = feeds.FullName });
        var worker = new SyncWorkerHost(connectionString, provider.FeedUrl);
        await worker.RunAsync();
        return new EditionsServed(feeds, provider, worker, await ApiProcess.StartHealthyAsync(connectionString));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await api.DisposeAsync();
        await Worker.DisposeAsync();
        await provider.DisposeAsync();
        feeds.Delete(recursive: true);
    }
}
