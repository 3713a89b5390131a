using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Fever.Testing;
using Fever.Tests.Infrastructure;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fever.Tests.AppHost;

/// <summary>
/// The whole app of Fever.AppHost's Program.cs, started through Aspire's testing builder: random ports, a throwaway
/// PostgreSQL cluster, and the dashboard only when a test needs it. Disposing it stops everything.
/// </summary>
public sealed class FeverApp : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private const string DashboardResource = "aspire-dashboard";
    private readonly bool _withDashboard;
    private int _disposed;

    private readonly ConcurrentDictionary<string, ResourceEvent> _latest = new();
    private readonly CancellationTokenSource _stopWatching = new();

    private FeverApp(DistributedApplication app, DirectoryInfo state, bool withDashboard, string dashboardApiKey)
    {
        _ = WatchAsync(app.ResourceNotifications, _stopWatching.Token);
        App = app;
        State = state;
        _withDashboard = withDashboard;
        DashboardApiKey = dashboardApiKey;
    }

    public DistributedApplication App { get; }

    /// <summary>The folder of the app's PostgreSQL cluster, deleted with the app.</summary>
    public DirectoryInfo State { get; }

    /// <summary>The dashboard's address (behind DCP's proxy, on a random port), when started with it.</summary>
    public Uri? DashboardUrl => _withDashboard ? App.GetEndpoint(DashboardResource, "http") : null;

    /// <summary>The key of the dashboard's telemetry API (<c>x-api-key</c>).</summary>
    public string DashboardApiKey { get; }

    /// <summary>The dashboard's login link, with the browser token its process was given (<c>/login?t=…</c>).</summary>
    public Uri? DashboardLoginUrl => DashboardUrl is { } dashboard
        ? new Uri(dashboard, $"login?t={Snapshot(DashboardResource).EnvironmentVariables.Last(v => v.Name == "DASHBOARD__FRONTEND__BROWSERTOKEN").Value}")
        : null;

    public ResourceNotificationService Notifications => App.ResourceNotifications;

    /// <summary>
    /// Builds the app with <paramref name="args"/> (as after <c>dotnet run --project Fever.AppHost --</c>), lets the test
    /// change it, starts it and waits until <paramref name="waitFor"/> are healthy. The sync worker syncs at its start and
    /// then only when asked, unless the test says otherwise.
    /// </summary>
    public static async Task<FeverApp> StartAsync(
        string[]? args = null, bool withDashboard = false, Action<IDistributedApplicationTestingBuilder>? configure = null,
        string[]? waitFor = null, DirectoryInfo? state = null)
    {
        state ??= TempFolder.Create(worldReadable: true);
        var apiKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        string[] settings =
        [
            $"--Postgres:DataDirectory={Path.Combine(state.FullName, "postgres")}",
            $"--AppHost:DashboardApiKey={apiKey}",
            .. !withDashboard ? [] : (string[])
            [
                $"--ASPNETCORE_URLS=http://localhost:{LoopbackPort.Free()}",
                $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{LoopbackPort.Free()}",
                $"--ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:{LoopbackPort.Free()}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            ],
            .. args ?? [],
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>(
            settings, (options, _) => options.DisableDashboard = !withDashboard);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.Project("sync").WithEnvironment("Sync__Interval", "01:00:00");
        configure?.Invoke(builder);

        var app = await builder.BuildAsync();
        var fever = new FeverApp(app, state, withDashboard, apiKey);
        try
        {
            await app.StartAsync();
            foreach (var name in waitFor ?? ["api", "sync"])
                await fever.WaitHealthyAsync(name);
            return fever;
        }
        catch
        {
            await fever.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateHttpClient(string resource) => App.CreateHttpClient(resource, "http");

    /// <summary>Waits for the resource to be healthy; on failure, the message carries every resource's state and last output.</summary>
    public async Task WaitHealthyAsync(string name, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? StartTimeout);
        try
        {
            await Notifications.WaitForResourceHealthyAsync(name, cancel.Token);
        }
        catch (OperationCanceledException exception)
        {
            throw new TimeoutException($"{name} did not become healthy within {timeout ?? StartTimeout}.\n{Describe()}", exception);
        }
    }

    /// <summary>The resource's latest snapshot (the first instance's, for a replicated one).</summary>
    public CustomResourceSnapshot Snapshot(string name) => Instances(name).First().Snapshot;

    /// <summary>The latest snapshot of each instance of the resource, by instance id.</summary>
    public IReadOnlyList<(string Id, CustomResourceSnapshot Snapshot)> Instances(string name) =>
        [.. _latest.Values.Where(e => e.Resource.Name == name).OrderBy(e => e.ResourceId, StringComparer.Ordinal).Select(e => (e.ResourceId, e.Snapshot))];

    /// <summary>Every resource's state, health and exit code.</summary>
    public string Describe() => string.Join("\n", _latest.Values.OrderBy(e => e.ResourceId, StringComparer.Ordinal).Select(e =>
        $"--- {e.ResourceId}: {e.Snapshot.State?.Text} {e.Snapshot.HealthStatus} exit {e.Snapshot.ExitCode}"));

    private async Task WatchAsync(ResourceNotificationService notifications, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken))
                _latest[change.ResourceId] = change;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The ids of the events <c>/search</c> returns for the samples' year.</summary>
    public static async Task<string[]> SearchIdsAsync(HttpClient http)
    {
        var answer = await http.GetFromJsonAsync<JsonElement>("/search?starts_at=2021-01-01T00:00:00Z&ends_at=2021-12-31T23:59:59Z");
        return answer.GetProperty("data").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await App.DisposeAsync();
        await _stopWatching.CancelAsync();
        TempFolder.Delete(State);
    }
}
