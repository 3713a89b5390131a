using Fever.Benchmarks.Load;

namespace Fever.Benchmarks.Api;

/// <summary>
/// wrk on one query and one target, as both load scenarios (api, proxy) run it: a warm-up that is discarded, then
/// the measured run, whose figures count only if every answer succeeded.
/// </summary>
public static class SearchLoad
{
    public const int Threads = 2;
    public const int Connections = 64;
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>The load line of a report: <c>wrk -t2 -c64 -d10s --latency after a 3 s warm-up (discarded)</c>.</summary>
    public static string Describe(TimeSpan duration) =>
        $"wrk -t{Threads} -c{Connections} -d{duration.TotalSeconds}s --latency after a {WarmUp.TotalSeconds} s warm-up (discarded)";

    public static async Task<WrkReport> MeasureAsync(
        string scenario, SearchQuery query, string target, Uri baseAddress, TimeSpan duration, CancellationToken cancellationToken)
    {
        var url = query.On(baseAddress);
        Progress.Report(scenario, $"wrk: {query.Name} on the {target}, {WarmUp.TotalSeconds} s warm-up then {duration.TotalSeconds} s");
        await Wrk.RunAsync(url, Threads, Connections, WarmUp, cancellationToken);
        var report = await Wrk.RunAsync(url, Threads, Connections, duration, cancellationToken);
        if (report.Requests == 0 || report.NonSuccessResponses > 0 || report.SocketErrors > 0)
            throw new BenchmarkException(
                $"wrk against the {target} ({url}) counted {report.NonSuccessResponses} answers with a status of 400 or more and " +
                $"{report.SocketErrors} socket errors in {report.Requests} requests: its figures would not be those of successful answers.");
        return report;
    }
}
