using Fever.ProviderSimulator;
using Fever.Testing;

namespace Fever.Tests.Infrastructure;

/// <summary>
/// PostgreSQL synced by the real worker from the provider's three sample answers (four events), and the
/// API process serving it. Shared by the tests of a class; they only read.
/// </summary>
public sealed class SampleApiFixture : IAsyncLifetime
{
    public ThrowawayDatabase Database { get; private set; } = null!;
    public string ConnectionString => Database.ConnectionString;
    public ServiceProcess Api { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await ThrowawayDatabase.StartAsync("feverdb");

        await using (var provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false }))
        await using (var worker = new SyncWorkerHost(ConnectionString, provider.FeedUrl))
        {
            for (var sample = 0; sample < 3; sample++)
                await worker.RunAsync();
        }

        Api = await ApiProcess.StartHealthyAsync(ConnectionString);
        Http = new HttpClient { BaseAddress = Api.Url };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Api is not null)
            await Api.DisposeAsync();
        if (Database is not null)
            await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SampleApiCollection : ICollectionFixture<SampleApiFixture>
{
    public const string Name = "sample-api";
}
