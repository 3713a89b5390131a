using System.Diagnostics;
using Fever.Testing;

namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// The real Aspire dashboard, the binary the AppHost starts (from the <c>Aspire.Dashboard.Sdk.{rid}</c> package in the
/// NuGet packages folder), as a child process of its own in standalone mode on free loopback ports: OTLP/HTTP only (as
/// the AppHost configures it when it has only <c>ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c>, so services export
/// <c>http/protobuf</c>), its OTLP endpoint and its telemetry HTTP API each behind a fresh API key (the AppHost secures
/// OTLP with one too), the frontend unsecured (nobody browses it here), and persistence <c>None</c>: the standalone
/// default, the same SQLite store as the AppHost's <c>Run</c> mode in a temporary database that the dashboard deletes
/// when it stops. Disposing it stops it the same way as <see cref="StopAsync"/>: SIGTERM, then SIGKILL after a grace.
/// </summary>
public sealed class AspireDashboard : IAsyncDisposable
{
    /// <summary>The dashboard's default cap on stored traces, made explicit so that a count can tell when it reached it.</summary>
    public const int MaxTraceCount = 100_000;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan IdleInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan IdleCpu = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private readonly MeasuredProcess _process;
    private ProcessMeasurement? _stopped;

    private AspireDashboard(MeasuredProcess process, Uri frontend, Uri otlpEndpoint, string otlpApiKey, string apiKey)
    {
        _process = process;
        OtlpEndpoint = otlpEndpoint;
        OtlpApiKey = otlpApiKey;
        Api = new DashboardTelemetryApi(frontend, apiKey);
    }

    /// <summary>The OTLP/HTTP base address for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri OtlpEndpoint { get; }

    /// <summary>The key an exporter sends in the <c>x-otlp-api-key</c> header.</summary>
    public string OtlpApiKey { get; }

    /// <summary>The dashboard's telemetry HTTP API (<c>/api/telemetry/…</c>): what it stored.</summary>
    public DashboardTelemetryApi Api { get; }

    /// <summary>The CPU time the dashboard has used so far.</summary>
    public TimeSpan ProcessorTime => _process.ProcessorTime;

    /// <summary>The dashboard's highest resident memory since it started.</summary>
    public long? PeakResidentBytes => _process.PeakResidentBytes;

    /// <summary>Starts the dashboard and waits until its telemetry API answers (its OTLP endpoint starts with it).</summary>
    public static async Task<AspireDashboard> StartAsync(CancellationToken cancellationToken)
    {
        var setup = StandaloneDashboard.OnFreePorts();
        var startInfo = setup.StartInfo(new Dictionary<string, string> { ["Dashboard__TelemetryLimits__MaxTraceCount"] = $"{MaxTraceCount}" });
        var dashboard = new AspireDashboard(MeasuredProcess.Start(startInfo), setup.Frontend, setup.OtlpEndpoint, setup.OtlpApiKey, setup.ApiKey);
        try
        {
            await dashboard.WaitUntilReadyAsync(cancellationToken);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until the dashboard is idle: it used less than 10 ms of CPU over half a second. Once the exporting API has
    /// exited (its last exports answered), that is when the dashboard has stored them; reading its CPU time needs no
    /// request of its API, which would cost it CPU of its own.
    /// </summary>
    public async Task WaitUntilIdleAsync(CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var last = ProcessorTime;
        while (true)
        {
            await Task.Delay(IdleInterval, cancellationToken);
            var now = ProcessorTime;
            if (now - last < IdleCpu)
                return;
            (last, waited) = (now, waited + IdleInterval);
            if (waited >= IdleTimeout)
                throw new BenchmarkException($"The Aspire dashboard was still busy {IdleTimeout.TotalSeconds} s after the API stopped exporting.");
        }
    }

    /// <summary>Stops the dashboard (SIGTERM, SIGKILL after a grace) and tells how it ran.</summary>
    public async Task<ProcessMeasurement> StopAsync(CancellationToken cancellationToken) =>
        _stopped ??= await _process.StopAsync(StopGrace, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_stopped is null && !_process.HasExited)
                await StopAsync(CancellationToken.None);
        }
        finally
        {
            Api.Dispose();
            await _process.DisposeAsync();
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        try
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    var exit = await _process.WaitForExitAsync(cancellationToken);
                    throw new BenchmarkException($"The Aspire dashboard exited with code {exit.ExitCode} before it answered. Its output:\n{exit.Output}");
                }
                if (await Api.AnswersAsync(timeout.Token))
                    return;
                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkException($"The Aspire dashboard did not answer within {ReadyTimeout.TotalSeconds} s.");
        }
    }
}
