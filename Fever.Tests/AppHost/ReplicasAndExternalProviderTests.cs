using Aspire.Hosting;
using Fever.ProviderSimulator;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.AppHost;

/// <summary>Two API replicas behind the one public port, the worker pointed at an external provider by a parameter.</summary>
[Collection(ReplicasCollection.Name)]
public sealed class ReplicasAndExternalProviderTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private EmbeddedProviderSimulator _external = null!;
    private FeverApp _fever = null!;

    public async Task InitializeAsync()
    {
        _external = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions { Loop = false });
        _fever = await FeverApp.StartAsync(
            ["--Parameters:api-replicas=2", $"--Parameters:provider-url={_external.BaseAddress}"],
            configure: builder => builder.Project("sync").WithEnvironment("Sync__Interval", "00:00:01"));
    }

    public async Task DisposeAsync()
    {
        await _fever.DisposeAsync();
        await _external.DisposeAsync();
    }

    [Fact]
    public async Task Both_replicas_serve_the_same_synced_data_through_the_one_public_port()
    {
        await Eventually.WaitUntilAsync(() => Task.FromResult(_fever.Instances("api") is { Count: 2 } instances
            && instances.All(i => i.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)), Patience);
        var replicas = _fever.Instances("api");

        // The three samples, synced one a second without looping, end with four events.
        using var viaProxy = _fever.CreateHttpClient("api");
        await Eventually.WaitUntilAsync(async () => (await FeverApp.SearchIdsAsync(viaProxy)).Length == 4, Patience);
        var expected = await FeverApp.SearchIdsAsync(viaProxy);
        foreach (var port in replicas.Select(r => ReplicaPort(r.Snapshot)))
        {
            // Aspire checks a replicated project's health through the proxy, so "Healthy" does not say that this
            // replica listens yet: until it does, its port refuses.
            using var direct = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
            await Eventually.WaitUntilAsync(async () =>
            {
                try
                {
                    return (await FeverApp.SearchIdsAsync(direct)).SequenceEqual(expected);
                }
                catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
                {
                    return false;
                }
            }, Patience);
        }
        Assert.Equal(2, replicas.Select(r => ReplicaPort(r.Snapshot)).Distinct().Count());
    }

    [Fact]
    public async Task The_provider_url_parameter_points_the_worker_at_the_external_provider()
    {
        Assert.Equal("ExternalService", _fever.Snapshot("provider").ResourceType);
        using var http = _fever.CreateHttpClient("api");
        await Eventually.WaitUntilAsync(async () => (await FeverApp.SearchIdsAsync(http)).Length >= 3, Patience);
        Assert.True(_external.SamplesServed >= 1);
    }

    /// <summary>The port a replica itself listens on, behind DCP's proxy on the public one.</summary>
    private static string ReplicaPort(Aspire.Hosting.ApplicationModel.CustomResourceSnapshot replica)
    {
        var urls = replica.EnvironmentVariables.Single(e => e.Name == "ASPNETCORE_URLS").Value!;
        return new Uri(urls.Split(';')[0]).Port.ToString();
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicasCollection
{
    public const string Name = "apphost-replicas";
}
