using Fever.Benchmarks.Api;

namespace Fever.Benchmarks.Telemetry;

/// <summary>One run of the telemetry scenario: a fresh API process, exporting or not, under the narrow query's load.</summary>
/// <param name="Number">1, 2, 3: the order the runs were made in.</param>
/// <param name="Exporting">Whether the API exported its telemetry (OTEL_EXPORTER_OTLP_ENDPOINT set).</param>
/// <param name="Load">What wrk measured, warm-up included.</param>
/// <param name="Api">How the API process ran, from its start to its exit after SIGTERM.</param>
/// <param name="ApiCpu">The API's CPU time over the load (warm-up and measured run).</param>
/// <param name="DashboardCpu">
/// The Aspire dashboard's CPU time from the load's start until it had stored the stopped API's last export: storing what
/// the API exported, next to nothing when it exports nothing.
/// </param>
public sealed record TelemetryRun(int Number, bool Exporting, LoadRun Load, ProcessMeasurement Api, TimeSpan ApiCpu, TimeSpan DashboardCpu)
{
    /// <summary>The API's CPU time per request wrk completed: what a request costs whatever else shares the cores.</summary>
    public TimeSpan ApiCpuPerRequest => ApiCpu / Load.Requests;

    public TimeSpan DashboardCpuPerRequest => DashboardCpu / Load.Requests;
}
