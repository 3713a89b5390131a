using System.Diagnostics;
using Fever.AppHost.Processes;
using Microsoft.Extensions.Logging;

namespace Fever.AppHost.Hosting;

/// <summary>
/// Runs a project's replicas as child processes, each on its own loopback port, restarting one that exits
/// unexpectedly with a growing delay; with several replicas a <see cref="ReplicaProxy"/> owns the public port.
/// </summary>
internal sealed class ProjectRunner : IResourceRunner, IResourceCommands
{
    private readonly ProjectResource _resource;
    private readonly AppHostContext _context;
    private readonly Replica[] _replicas;
    private ReplicaProxy? _proxy;
    private CancellationToken _stopping;

    public ProjectRunner(ProjectResource resource, AppHostContext context)
    {
        _resource = resource;
        _context = context;
        _replicas = Enumerable.Range(0, resource.Replicas)
            .Select(index => new Replica(resource.Replicas == 1 ? resource.Name : $"{resource.Name}-{index}"))
            .ToArray();
    }

    public IReadOnlyList<ResourceSnapshot> InitialSnapshots =>
        _replicas.Select(replica => new ResourceSnapshot(replica.Name, _resource.Name, _resource.ResourceType)).ToList();

    public IReadOnlyList<ResourceInstance> RunningInstances =>
        _replicas.Where(replica => replica.Process is { HasExited: false }).Select(replica => new ResourceInstance(replica.Name, replica.Url)).ToList();

    public async Task StartAsync(CancellationToken stopping)
    {
        _stopping = stopping;
        Uri publicUrl;
        if (_replicas.Length == 1)
        {
            var port = _context.Port(_resource.Port);
            _replicas[0].Url = publicUrl = new Uri(_resource.Port is not null && !_context.Options.RandomizePorts ? $"http://localhost:{port}" : $"http://127.0.0.1:{port}");
        }
        else
        {
            foreach (var replica in _replicas)
                replica.Url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
            _proxy = ReplicaProxy.Start(_context.Port(_resource.Port), HealthyReplicaEndpoints, _context.Logger);
            publicUrl = new Uri($"http://localhost:{_proxy.Port}");
        }
        _resource.SetEndpoint(publicUrl);

        foreach (var replica in _replicas)
        {
            await LaunchAsync(replica, stopping);
            replica.Supervisor = SuperviseAsync(replica, stopping);
        }
    }

    public async Task StopAsync()
    {
        foreach (var replica in _replicas)
            replica.Stopping = true;
        await Task.WhenAll(_replicas.Select(replica => replica.ExclusivelyAsync(() => StopReplicaAsync(replica))));
        if (_proxy is not null)
            await _proxy.DisposeAsync();
    }

    public Task ExecuteAsync(string instanceName, ResourceCommand command)
    {
        var replica = _replicas.FirstOrDefault(r => r.Name == instanceName)
            ?? throw new KeyNotFoundException($"There is no instance named '{instanceName}'.");
        return replica.ExclusivelyAsync(async () =>
        {
            if (_stopping.IsCancellationRequested || replica.Url is null)
                throw new InvalidOperationException($"{instanceName} has not started yet, or the app is stopping.");
            var running = replica.Process is { HasExited: false };
            if (command == ResourceCommand.Start && running)
                throw new InvalidOperationException($"{instanceName} is already running.");
            if (command == ResourceCommand.Stop && !running && !replica.RestartPending)
                throw new InvalidOperationException($"{instanceName} is not running.");
            _context.Logger.LogInformation("{Resource}: {Command} asked from the dashboard", instanceName, command);

            // Whatever the command, the supervisor must not restart this process: a crash-restart waiting for its
            // delay is called off, and a running process is stopped before a new one starts.
            replica.Stopping = true;
            replica.CancelPendingRestart();
            await StopReplicaAsync(replica);
            replica.Process = null;
            if (command == ResourceCommand.Stop)
            {
                _context.Notifications.Update(replica.Name, s => s with { Message = "Stopped from the dashboard." });
                return;
            }
            replica.Stopping = false;
            await LaunchAsync(replica, _stopping);
            replica.Supervisor = SuperviseAsync(replica, _stopping);
            if (command == ResourceCommand.Restart)
                _context.Notifications.Update(replica.Name, s => s with { RestartCount = s.RestartCount + 1 });
        });
    }

    private async Task StopReplicaAsync(Replica replica)
    {
        if (replica.Process is { } process)
        {
            if (!process.HasExited)
                _context.Notifications.Update(replica.Name, s => s with { State = KnownResourceStates.Stopping });
            var exitCode = await process.StopAsync(_context.Options.StopGracePeriod);
            _context.Notifications.Update(replica.Name, s => s with
            {
                State = s.State == KnownResourceStates.FailedToStart ? s.State : KnownResourceStates.Finished,
                Health = null, ExitCode = exitCode, StopTime = s.StopTime ?? DateTimeOffset.UtcNow,
            });
        }
        if (replica.Supervisor is { } supervisor)
            await supervisor;
        if (replica.Process is { } last)
            await last.DisposeAsync();
        _context.Ledger?.Forget(replica.Name);
    }

    private IReadOnlyList<Uri> HealthyReplicaEndpoints()
    {
        var healthy = _context.Notifications.GetInstances(_resource.Name).Where(s => s.IsHealthy).Select(s => s.Name).ToHashSet();
        var endpoints = _replicas.Where(r => healthy.Contains(r.Name)).Select(r => r.Url!).ToList();
        // While none is healthy, try the running ones rather than refuse every connection.
        return endpoints.Count > 0 ? endpoints : _replicas.Where(r => r.Process is { HasExited: false }).Select(r => r.Url!).ToList();
    }

    private async Task LaunchAsync(Replica replica, CancellationToken stopping)
    {
        _context.Notifications.Update(replica.Name, s => s with { State = KnownResourceStates.Starting, Health = null, ExitCode = null, StopTime = null });
        var startInfo = ChildProcess.ForAssembly(_resource.Project.AssemblyPath);
        foreach (var (name, value) in await EnvironmentAsync(replica, stopping))
            startInfo.Environment[name] = value;

        var process = ChildProcess.Start(ChildProcess.InOwnSession(startInfo), (line, isError) => _context.Logs.Log(replica.Name, line, isError));
        replica.Process = process;
        _context.Ledger?.Record(replica.Name, process.Id, _resource.Project.AssemblyPath);
        _context.Notifications.Update(replica.Name, s => s with
        {
            State = KnownResourceStates.Running,
            Health = _resource.HealthProbe is null ? HealthStatus.Healthy : null,
            ProcessId = process.Id,
            StartTime = process.StartTime,
            Urls = Urls(replica),
            Message = null,
        });
    }

    private async Task<Dictionary<string, string>> EnvironmentAsync(Replica replica, CancellationToken stopping)
    {
        var context = new EnvironmentContext(replica.Name, stopping);
        context.Variables["DOTNET_ENVIRONMENT"] = _context.EnvironmentName;
        context.Variables["ASPNETCORE_ENVIRONMENT"] = _context.EnvironmentName;
        context.Variables["ASPNETCORE_URLS"] = replica.Url!.ToString().TrimEnd('/');
        context.Variables["Logging__Console__FormatterName"] = "simple";
        context.Variables["Logging__Console__FormatterOptions__SingleLine"] = "true";
        context.Variables["OTEL_SERVICE_NAME"] = _resource.Name;
        context.Variables["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replica.Name}";
        if (_context.Options.OtlpEndpoint is { Length: > 0 } otlp)
        {
            context.Variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            context.Variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            context.Variables["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            context.Variables["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            context.Variables["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }
        foreach (var callback in _resource.EnvironmentCallbacks)
            await callback(context);
        return context.Variables;
    }

    /// <summary>Waits for the replica's process to end; restarts it after an unexpected exit, or gives up.</summary>
    private async Task SuperviseAsync(Replica replica, CancellationToken stopping)
    {
        var crashesInARow = 0;
        while (true)
        {
            var process = replica.Process!;
            var exitCode = await process.Exited;
            if (replica.Stopping || stopping.IsCancellationRequested)
                return;

            var ranFor = DateTimeOffset.UtcNow - process.StartTime;
            if (exitCode == 0)
            {
                _context.Notifications.Update(replica.Name, s => s with
                {
                    State = KnownResourceStates.Finished, Health = null, ExitCode = 0, StopTime = DateTimeOffset.UtcNow, Message = "Exited with code 0.",
                });
                return;
            }

            crashesInARow = ranFor < _context.Options.StableAfter ? crashesInARow + 1 : 1;
            if (crashesInARow >= _context.Options.MaxCrashesInARow)
            {
                var message = $"Exited with code {exitCode} {crashesInARow} times in a row; not restarted again. Last lines:\n{LastLines(process, 15)}";
                _context.Logger.LogError("{Resource} {Message}", replica.Name, message);
                _context.Notifications.Update(replica.Name, s => s with
                {
                    State = KnownResourceStates.FailedToStart, Health = null, ExitCode = exitCode, StopTime = DateTimeOffset.UtcNow, Message = message,
                });
                return;
            }

            var delay = TimeSpan.FromTicks(Math.Min(
                _context.Options.RestartDelay.Ticks * (1L << Math.Min(crashesInARow - 1, 20)), _context.Options.MaxRestartDelay.Ticks));
            _context.Logger.LogWarning("{Resource} exited with code {ExitCode} after {RanFor:0.0} s; restarting in {Delay:0.0} s",
                replica.Name, exitCode, ranFor.TotalSeconds, delay.TotalSeconds);
            _context.Notifications.Update(replica.Name, s => s with
            {
                State = KnownResourceStates.Exited, Health = null, ExitCode = exitCode, StopTime = DateTimeOffset.UtcNow,
                Message = $"Exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s.",
            });
            try
            {
                await replica.WaitToRestartAsync(delay, stopping);
                if (replica.Stopping)
                    return;
                await LaunchAsync(replica, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception)
            {
                _context.Notifications.Update(replica.Name, s => s with { State = KnownResourceStates.FailedToStart, Message = exception.Message });
                return;
            }
            _context.Notifications.Update(replica.Name, s => s with { RestartCount = s.RestartCount + 1 });
        }
    }

    /// <summary>The replica's own URL, then the resource's links on the public endpoint.</summary>
    private List<string> Urls(Replica replica) =>
    [
        replica.Url!.ToString().TrimEnd('/'),
        .. _resource.Links.Select(link => link.Resolve(_resource.GetEndpointAsync().Result).ToString()),
    ];

    /// <summary>The last lines of output, starting at the last unhandled exception or critical log when there is one (a stack trace would hide its message).</summary>
    private static string LastLines(ChildProcess process, int count)
    {
        var lines = process.RecentOutput.Split('\n');
        var failure = Array.FindLastIndex(lines, line => line.StartsWith("Unhandled exception.", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal));
        return string.Join('\n', failure >= 0 ? lines.Skip(failure).Take(count) : lines.TakeLast(count));
    }

    private sealed class Replica(string name)
    {
        private readonly SemaphoreSlim _exclusive = new(1, 1);

        public string Name { get; } = name;
        public Uri? Url { get; set; }
        public ChildProcess? Process { get; set; }
        public Task? Supervisor { get; set; }
        public volatile bool Stopping;

        private CancellationTokenSource? _pendingRestart;

        /// <summary>Crashed, and waiting for the delay before its restart.</summary>
        public bool RestartPending => Volatile.Read(ref _pendingRestart) is not null;

        public async Task WaitToRestartAsync(TimeSpan delay, CancellationToken stopping)
        {
            using var pending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            Volatile.Write(ref _pendingRestart, pending);
            try
            {
                await Task.Delay(delay, pending.Token);
            }
            finally
            {
                Volatile.Write(ref _pendingRestart, null);
            }
        }

        public void CancelPendingRestart()
        {
            try
            {
                Volatile.Read(ref _pendingRestart)?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The delay ended meanwhile; the supervisor sees Stopping and does not restart.
            }
        }

        /// <summary>One stop, start or restart at a time.</summary>
        public async Task ExclusivelyAsync(Func<Task> action)
        {
            await _exclusive.WaitAsync();
            try
            {
                await action();
            }
            finally
            {
                _exclusive.Release();
            }
        }
    }
}
