using System.Net.Http.Json;
using System.Text.Json;
using Fever.Testing;

namespace Fever.Benchmarks.Api;

/// <summary>Fever.Api as it is deployed (<see cref="DeployedService"/>), on a free loopback port.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const string Project = "Fever.Api";
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly MeasuredProcess _process;

    private ApiProcess(MeasuredProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The CPU time the API has used so far.</summary>
    public TimeSpan ProcessorTime => _process.ProcessorTime;

    /// <summary>Starts the API on <paramref name="connectionString"/> and waits until <c>/health</c> says Healthy (its snapshot is loaded).</summary>
    public static Task<ApiProcess> StartHealthyAsync(string connectionString, CancellationToken cancellationToken) =>
        StartHealthyAsync(connectionString, new Dictionary<string, string>(), cancellationToken);

    /// <summary>
    /// As the other overload, with more environment variables (e.g. the AppHost's <c>OTEL_…</c> ones); they cannot
    /// replace the database's connection string or the address the API listens on.
    /// </summary>
    public static async Task<ApiProcess> StartHealthyAsync(
        string connectionString, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var settings = new Dictionary<string, string>(environment) { ["ConnectionStrings__feverdb"] = connectionString };
        var process = DeployedService.Start(Project, baseAddress, settings);
        var api = new ApiProcess(process, baseAddress);
        try
        {
            await api.WaitUntilHealthyAsync(cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the API as a service manager would (SIGTERM) and tells how it ran.</summary>
    public Task<ProcessMeasurement> StopAsync(CancellationToken cancellationToken) => _process.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthyTimeout);
        var lastStatus = "no answer";
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    var exit = await _process.WaitForExitAsync(cancellationToken);
                    throw new BenchmarkException($"{Project} exited with code {exit.ExitCode} before it was healthy. Its output:\n{exit.Output}");
                }
                lastStatus = await HealthAsync(http, timeout.Token) ?? "no answer";
                if (lastStatus == "Healthy")
                    return;
                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkException($"{Project} was not healthy within {HealthyTimeout.TotalSeconds} s (last /health status: {lastStatus}).");
        }
    }

    /// <summary>The overall status of <c>/health</c> (Healthy, Degraded, Unhealthy), or null while the API does not answer.</summary>
    private static async Task<string?> HealthAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("health", cancellationToken);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return report.TryGetProperty("status", out var status) ? status.GetString() : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // the client's own timeout: the API is busy starting
        }
    }
}
