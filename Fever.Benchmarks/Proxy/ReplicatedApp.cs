using Fever.AppHost.Hosting;
using Fever.AppHost.Hosting.Testing;
using Fever.Benchmarks.Api;
using Fever.ProviderSimulator;

namespace Fever.Benchmarks.Proxy;

/// <summary>
/// The whole app of Fever.AppHost's Program.cs, started through its testing harness (free ports, a throwaway PostgreSQL,
/// a quiet console): the simulator serving a generated feed, one worker run, and the API as replicas behind the
/// AppHost's proxy, each project as its own process from the build of this configuration, in Production.
/// </summary>
public sealed class ReplicatedApp : IAsyncDisposable
{
    private const string Api = "api";
    private const string Worker = "sync";
    private const int LastLogLines = 10;
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    // The worker syncs at start; a re-sync during a load run would take CPU from what is measured.
    private static readonly TimeSpan OneSyncOnly = TimeSpan.FromHours(1);

    private readonly DistributedApplication _app;

    private ReplicatedApp(DistributedApplication app, Uri publicAddress, IReadOnlyDictionary<string, Uri> replicas)
    {
        _app = app;
        PublicAddress = publicAddress;
        Replicas = replicas;
    }

    /// <summary>The API's public endpoint, the AppHost's proxy, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri PublicAddress { get; }

    /// <summary>Each replica's own address by instance name (<c>api-0</c>, <c>api-1</c>…).</summary>
    public IReadOnlyDictionary<string, Uri> Replicas { get; }

    /// <summary>Starts the app and waits until every replica is healthy and answers <c>/search</c> with all <paramref name="storedEvents"/> events.</summary>
    public static async Task<ReplicatedApp> StartSyncedAsync(
        GeneratedFeedOptions feed, int replicas, int storedEvents, CancellationToken cancellationToken)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>(
        [
            $"--Parameters:api-replicas={replicas}",
            $"--Simulator:Generated:BasePlans={feed.BasePlans}",
            $"--Simulator:Generated:PlansPerBase={feed.PlansPerBase}",
            $"--Simulator:Generated:ZonesPerPlan={feed.ZonesPerPlan}",
            "--DOTNET_ENVIRONMENT=Production",
        ], cancellationToken);
        builder.CreateResourceBuilder<ProjectResource>(Worker).WithEnvironment("Sync__Interval", OneSyncOnly.ToString());
        builder.CreateResourceBuilder<ProjectResource>(Api).WithEnvironment("Logging__LogLevel__Default", "Warning"); // as the api scenario runs it
        var app = builder.Build();
        try
        {
            await app.StartAsync(cancellationToken);
            await WaitHealthyAsync(app, cancellationToken);
            var replicated = new ReplicatedApp(app, await PublicAddressAsync(app, cancellationToken), ReplicaAddresses(app));
            await replicated.WaitUntilSyncedAsync(storedEvents, cancellationToken);
            return replicated;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops every process the app started, dependents first.</summary>
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task WaitHealthyAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthyTimeout);
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(Api, timeout.Token);
        }
        catch (Exception exception) when (exception is ResourceFailedException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = exception is ResourceFailedException ? exception.Message : $"not healthy within {HealthyTimeout.TotalSeconds} s.";
            throw new BenchmarkException($"The API's replicas did not start: {reason}\n{Describe(app)}");
        }
    }

    /// <summary>The proxy listens on 127.0.0.1 and ::1 as <c>localhost</c>; the replicas on 127.0.0.1, so both are measured over it.</summary>
    private static async Task<Uri> PublicAddressAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var endpoint = await app.GetResource<ProjectResource>(Api).GetEndpointAsync(cancellationToken);
        return new UriBuilder(endpoint) { Host = "127.0.0.1", Path = "/" }.Uri;
    }

    private static Dictionary<string, Uri> ReplicaAddresses(DistributedApplication app) =>
        app.ResourceNotifications.GetInstances(Api).ToDictionary(s => s.Name, s => new Uri(s.Urls[0].TrimEnd('/') + "/"));

    private async Task WaitUntilSyncedAsync(int storedEvents, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SyncTimeout);
        foreach (var (name, address) in Replicas)
        {
            using var http = new HttpClient { BaseAddress = address };
            var served = 0;
            try
            {
                while ((served = (await SearchAnswer.FetchAsync(http, SearchQuery.Path, timeout.Token)).Events.Count) != storedEvents)
                    await Task.Delay(PollInterval, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BenchmarkException(
                    $"{name} served {served} of the {storedEvents} events after {SyncTimeout.TotalSeconds} s: the worker's sync did not reach it.\n{Describe(_app)}");
            }
        }
    }

    /// <summary>Every resource instance's state and last lines of output, for a failure's message.</summary>
    private static string Describe(DistributedApplication app) =>
        string.Join("\n", app.ResourceNotifications.GetSnapshots().Select(s =>
            $"--- {s.Name}: {s.State} {s.Health} {s.Message}\n{string.Join('\n', app.ResourceLogs.GetLogs(s.Name).TakeLast(LastLogLines).Select(l => l.Text))}"));
}
