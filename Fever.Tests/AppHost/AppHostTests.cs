using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fever.AppHost;
using Fever.AppHost.Hosting;
using Fever.AppHost.Hosting.Testing;
using Fever.AppHost.Simulator;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.AppHost;

[Collection(AppHostCollection.Name)]
public sealed class AppHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Everything_starts_from_nothing_and_search_answers_the_synced_sample_events()
    {
        await using var app = await RunningApp.StartAsync();

        using var http = app.CreateHttpClient("api");
        string[] ids = [];
        await Eventually.WaitUntilAsync(async () => (ids = await RunningApp.SearchIdsAsync(http)).Length == 3, Patience);
        Assert.Equal(3, ids.Distinct().Count());
        // The worker may have synced before its first health check passed (a starting project is briefly Unhealthy).
        using (var timeout = new CancellationTokenSource(Patience))
            await RunningApp.WaitHealthyAsync(app, "sync", timeout.Token);

        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
        var resources = await dashboard.GetFromJsonAsync<JsonElement>("/api/resources");
        var byName = resources.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(["postgres", "feverdb", "provider", "sync", "api"], byName.Keys);
        Assert.All(byName.Values, r => Assert.Equal("Running", r.GetProperty("state").GetString()));
        Assert.All(byName.Values, r => Assert.Equal("Healthy", r.GetProperty("health").GetString()));
        Assert.Equal("Project", byName["api"].GetProperty("resourceType").GetString());
        Assert.True(byName["api"].GetProperty("processId").GetInt32() > 0);
        Assert.Equal(0, byName["sync"].GetProperty("restartCount").GetInt32());
        Assert.Contains(byName["api"].GetProperty("urls").EnumerateArray(), url => url.GetString()!.Contains("/search?starts_at=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Projects_get_the_connection_string_service_url_and_otel_variables_of_their_references()
    {
        await using var app = await RunningApp.StartAsync();

        var environment = ProcessEnvironment(app.ResourceNotifications.GetInstances("sync").Single().ProcessId!.Value);
        Assert.Equal(await app.GetConnectionStringAsync("feverdb"), environment["ConnectionStrings__feverdb"]);
        var simulator = await app.GetResource<ProviderSimulatorResource>("provider").Simulator;
        Assert.Equal(simulator.BaseAddress.ToString().TrimEnd('/'), environment["services__provider__http__0"]);
        Assert.Equal("sync", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("Development", environment["DOTNET_ENVIRONMENT"]);

        var apiEnvironment = ProcessEnvironment(app.ResourceNotifications.GetInstances("api").Single().ProcessId!.Value);
        Assert.False(apiEnvironment.ContainsKey("services__provider__http__0")); // the API does not reference the provider
    }

    [Fact]
    public async Task A_killed_worker_is_restarted_and_its_state_returns_to_running()
    {
        await using var app = await RunningApp.StartAsync();
        var before = app.ResourceNotifications.GetInstances("sync").Single();

        Assert.True(Posix.Signal(before.ProcessId!.Value, Posix.SigKill));

        using var timeout = new CancellationTokenSource(Patience);
        await app.ResourceNotifications.WaitForResourceAsync("sync", s => s.RestartCount == 1 && s.IsHealthy, timeout.Token);
        var after = app.ResourceNotifications.GetInstances("sync").Single();
        Assert.Equal(KnownResourceStates.Running, after.State);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        Assert.True(Posix.IsAlive(after.ProcessId!.Value));
        Assert.False(Posix.IsAlive(before.ProcessId.Value));
    }

    [Fact]
    public async Task A_project_that_keeps_crashing_ends_failed_to_start_with_its_last_lines()
    {
        await using var app = await RunningApp.StartAsync(
            ["--AppHost:MaxCrashesInARow=3", "--AppHost:RestartDelay=00:00:00.1"],
            builder => builder.CreateResourceBuilder<ProjectResource>("sync").WithEnvironment("Provider__Url", "not-a-url"));

        using var timeout = new CancellationTokenSource(Patience);
        var failed = (await app.ResourceNotifications.WaitForResourceAsync(
            "sync", s => s.State == KnownResourceStates.FailedToStart, timeout.Token)).Single();
        Assert.Equal(2, failed.RestartCount);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("3 times in a row", failed.Message);
        Assert.Contains("Provider:Url", failed.Message); // the worker's own validation error, from its output
        Assert.Equal(KnownResourceStates.Running, app.ResourceNotifications.GetInstances("api").Single().State);
    }

    [Fact]
    public async Task Two_api_replicas_serve_the_same_data_after_a_sync_through_the_one_public_port()
    {
        await using var app = await RunningApp.StartAsync(
            ["--Parameters:api-replicas=2", "--Simulator:Loop=false"],
            builder => builder.CreateResourceBuilder<ProjectResource>("sync").WithEnvironment("Sync__Interval", "00:00:01"));

        Assert.Equal(["api-0", "api-1"], app.ResourceNotifications.GetInstances("api").Select(s => s.Name));
        using var first = app.CreateHttpClient("api-0");
        using var second = app.CreateHttpClient("api-1");
        // The three samples, synced one a second, end with four events.
        await Eventually.WaitUntilAsync(async () => (await RunningApp.SearchIdsAsync(first)).Length == 4, Patience);
        await Eventually.WaitUntilAsync(async () => (await RunningApp.SearchIdsAsync(second)).Length == 4, Patience);
        Assert.Equal(await RunningApp.SearchIdsAsync(first), await RunningApp.SearchIdsAsync(second));

        var publicEndpoint = await app.GetResource<ProjectResource>("api").GetEndpointAsync();
        Assert.DoesNotContain(app.ResourceNotifications.GetInstances("api"), s => s.Urls[0] == publicEndpoint.ToString().TrimEnd('/'));
        var expected = await RunningApp.SearchIdsAsync(first);
        for (var connection = 0; connection < 6; connection++)
        {
            // A new client per request: a new connection, which the proxy hands to the next replica.
            using var viaProxy = app.CreateHttpClient("api");
            Assert.Equal(expected, await RunningApp.SearchIdsAsync(viaProxy));
        }
    }

    [Fact]
    public async Task The_provider_url_parameter_points_the_worker_at_an_external_provider()
    {
        await using var external = await Fever.AppHost.Simulator.ProviderSimulator.StartAsync(new ProviderSimulatorOptions());
        await using var app = await RunningApp.StartAsync([$"--Parameters:provider-url={external.BaseAddress}"]);

        var provider = app.ResourceNotifications.GetInstances("provider").Single();
        Assert.Equal("ExternalService", provider.ResourceType);
        using var http = app.CreateHttpClient("api");
        await Eventually.WaitUntilAsync(async () => (await RunningApp.SearchIdsAsync(http)).Length == 3, Patience);
        Assert.True(external.SamplesServed >= 1);
    }

    [Fact]
    public async Task Stopping_the_app_stops_every_process_and_postgres_dependents_first()
    {
        var app = await RunningApp.StartAsync();
        var processes = app.ResourceNotifications.GetSnapshots()
            .Where(s => s.ProcessId is { } pid && pid != Environment.ProcessId)
            .ToDictionary(s => s.Name, s => s.ProcessId!.Value);
        Assert.Equal(["api", "postgres", "sync"], processes.Keys.Order());

        await app.DisposeAsync();

        Assert.All(processes, process => Assert.False(Posix.IsAlive(process.Value), $"{process.Key} (pid {process.Value}) still runs"));
        var stopped = app.ResourceNotifications.GetSnapshots().ToDictionary(s => s.Name);
        Assert.All(stopped.Values, s => Assert.Equal(KnownResourceStates.Finished, s.State));
        Assert.True(stopped["api"].StopTime <= stopped["postgres"].StopTime);
        Assert.True(stopped["sync"].StopTime <= stopped["postgres"].StopTime);
    }

    [Fact]
    public async Task When_postgres_cannot_start_the_resources_waiting_for_it_fail_with_the_reason()
    {
        var state = Directory.CreateTempSubdirectory("fever-apphost-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(state.FullName, "postgres"), "a file where the cluster's folder should be");
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>([$"--AppHost:StateDirectory={state.FullName}"]);
            await using var app = builder.Build();
            await app.StartAsync();

            using var timeout = new CancellationTokenSource(Patience);
            var api = (await app.ResourceNotifications.WaitForResourceAsync("api", s => s.State == KnownResourceStates.FailedToStart, timeout.Token)).Single();
            var postgres = app.ResourceNotifications.GetInstances("postgres").Single();
            Assert.Equal(KnownResourceStates.FailedToStart, postgres.State);
            Assert.Contains(Path.Combine(state.FullName, "postgres"), postgres.Message);
            Assert.Contains("feverdb", api.Message);
            Assert.Contains(postgres.Message!, api.Message); // the root cause travels down the WaitFor chain
            Assert.Null(api.ProcessId); // never started
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_resource_service_serves_each_resources_console_output()
    {
        await using var app = await RunningApp.StartAsync();
        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };

        var lines = await dashboard.GetFromJsonAsync<JsonElement>("/api/resources/api/logs");
        Assert.Contains(lines.EnumerateArray(), line => line.GetProperty("text").GetString()!.Contains("Now listening on", StringComparison.Ordinal));
        var last = lines.EnumerateArray().Last().GetProperty("number").GetInt64();
        var after = await dashboard.GetFromJsonAsync<JsonElement>($"/api/resources/api/logs?after={last}");
        Assert.All(after.EnumerateArray(), line => Assert.True(line.GetProperty("number").GetInt64() > last));

        using var missing = await dashboard.GetAsync("/api/resources/nothing/logs");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static Dictionary<string, string> ProcessEnvironment(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .GroupBy(pair => pair[0])
            .ToDictionary(group => group.Key, group => group.Last()[1]);
}
