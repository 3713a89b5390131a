using Fever.AppHost.Hosting;

namespace Fever.Tests.AppHost;

/// <summary>Dashboard commands on an instance whose crash-restart is pending: they call the restart off rather than race it.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ResourceCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_crashed_worker_waiting_for_its_restart_is_stopped_for_good_and_starts_again_only_when_asked()
    {
        var restartDelay = TimeSpan.FromSeconds(3);
        await using var app = await RunningApp.StartAsync(
            [$"--AppHost:RestartDelay={restartDelay}", "--AppHost:MaxCrashesInARow=100"],
            builder => builder.CreateResourceBuilder<ProjectResource>("sync").WithEnvironment("Provider__Url", "not-a-url"));
        using var timeout = new CancellationTokenSource(Patience);
        var crashed = (await app.ResourceNotifications.WaitForResourceAsync("sync", KnownResourceStates.Exited, timeout.Token)).Single();

        using var dashboard = new HttpClient { BaseAddress = app.DashboardUrl };
        dashboard.DefaultRequestHeaders.Add("X-Fever-Dashboard", "1");
        using var stop = await dashboard.PostAsync("/api/resources/sync/commands/stop", null);
        Assert.True(stop.IsSuccessStatusCode, await stop.Content.ReadAsStringAsync());
        await Task.Delay(restartDelay * 2); // the cancelled restart would have happened by now

        var stopped = app.ResourceNotifications.GetInstances("sync").Single();
        Assert.Equal(KnownResourceStates.Finished, stopped.State);
        Assert.Equal(crashed.ProcessId, stopped.ProcessId);
        Assert.Equal("Stopped from the dashboard.", stopped.Message);

        using var start = await dashboard.PostAsync("/api/resources/sync/commands/start", null);
        Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
        var started = app.ResourceNotifications.GetInstances("sync").Single();
        Assert.NotEqual(crashed.ProcessId, started.ProcessId);
    }
}
