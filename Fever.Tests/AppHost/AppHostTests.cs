using Aspire.Hosting.Testing;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Fever.Data;
using Fever.Tests.Infrastructure;
using Fever.Testing;
using Npgsql;

namespace Fever.Tests.AppHost;

[Collection(AppHostCollection.Name)]
public sealed partial class AppHostTests(FeverAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private FeverApp Fever => fixture.Fever;

    [Fact]
    public async Task Everything_starts_from_nothing_and_search_answers_the_synced_sample_events()
    {
        using var http = Fever.CreateHttpClient("api");
        string[] ids = [];
        await Eventually.WaitUntilAsync(async () => (ids = await FeverApp.SearchIdsAsync(http)).Length == 3, Patience);
        Assert.Equal(3, ids.Distinct().Count());

        foreach (var name in new[] { "postgres", "feverdb", "provider", "sync", "api" })
        {
            await Fever.WaitHealthyAsync(name);
            Assert.Equal(KnownResourceStates.Running, Fever.Snapshot(name).State?.Text);
        }
        var migrations = Fever.Snapshot("migrations");
        Assert.Equal(KnownResourceStates.Finished, migrations.State?.Text);
        Assert.Equal(0, migrations.ExitCode);
        Assert.Equal("Project", Fever.Snapshot("api").ResourceType);
        Assert.Contains(Fever.Snapshot("api").Urls, url => url.DisplayProperties.DisplayName == "Search" && url.Url.Contains("/search?starts_at=", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(Fever.State.FullName, "postgres"), Property(Fever.Snapshot("postgres"), "fever.data.directory"));
    }

    [Fact]
    public async Task Projects_get_the_connection_string_provider_url_and_otel_variables_of_their_references()
    {
        var sync = Fever.Snapshot("sync");
        var environment = sync.EnvironmentVariables.Where(e => e.IsFromSpec).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(await Fever.App.GetConnectionStringAsync("feverdb"), environment["ConnectionStrings__feverdb"]);
        Assert.Equal(Fever.App.GetEndpoint("provider", "http").ToString().TrimEnd('/'), environment["services__provider__http__0"]?.TrimEnd('/'));
        Assert.Equal("sync", environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("http://localhost:", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var api = Fever.Snapshot("api").EnvironmentVariables.Where(e => e.IsFromSpec).Select(e => e.Name).ToList();
        Assert.Contains("ConnectionStrings__feverdb", api);
        Assert.Contains("Mutations__ApiKey", api);
        Assert.DoesNotContain("services__provider__http__0", api); // the API does not reference the provider
    }

    [Fact]
    public async Task Sync_now_in_the_dashboard_starts_a_run_of_the_worker()
    {
        await Fever.WaitHealthyAsync("sync");
        await using var database = NpgsqlDataSource.Create((await Fever.App.GetConnectionStringAsync("feverdb"))!);
        await Eventually.WaitUntilAsync(async () => await CountRunsAsync(database) >= 1 && await RunningRunsAsync(database) == 0, Patience);
        var before = await CountRunsAsync(database);

        var result = await Fever.App.ResourceCommands.ExecuteCommandAsync("sync", SyncNowCommand.Name);

        Assert.True(result.Success, result.Message);
        await Eventually.WaitUntilAsync(async () => await CountRunsAsync(database) == before + 1, Patience);
    }

    [Fact]
    public async Task A_killed_worker_is_restarted_and_the_dashboard_counts_the_restart()
    {
        await Fever.WaitHealthyAsync("sync");
        var before = Fever.Snapshot("sync");
        var wrapper = (int)Property(before, "executable.pid")!;
        var worker = ResourceProcesses.ChildOf(wrapper);

        Assert.True(Posix.Signal(worker, Posix.SigKill));

        using var timeout = new CancellationTokenSource(Patience);
        var restarted = await Fever.Notifications.WaitForResourceAsync("sync",
            e => Property(e.Snapshot, "fever.restarts") is 1 && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            timeout.Token);
        Assert.Equal(KnownResourceStates.Running, restarted.Snapshot.State?.Text);
        Assert.NotEqual(wrapper, Property(restarted.Snapshot, "executable.pid"));
        Assert.False(Posix.IsAlive(worker));
    }

    private static object? Property(CustomResourceSnapshot snapshot, string name) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == name)?.Value;

    private static async Task<long> CountRunsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM sync_runs");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> RunningRunsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand($"SELECT count(*) FROM sync_runs WHERE outcome = '{SyncOutcome.Running.ToString().ToLowerInvariant()}'");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
