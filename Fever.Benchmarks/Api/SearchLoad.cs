using Fever.Benchmarks.Load;

namespace Fever.Benchmarks.Api;

/// <summary>
/// wrk on one request and one target, as every load scenario (api, graphql, telemetry) runs it: a warm-up that is
/// discarded (<see cref="WarmUp"/> unless a scenario says otherwise), then the measured run, whose figures count only
/// if every answer succeeded.
/// </summary>
public static class SearchLoad
{
    public const int Threads = 2;
    public const int Connections = 64;
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>The load line of a report: <c>wrk -t2 -c64 -d10s --latency after a 3 s warm-up (discarded)</c>.</summary>
    public static string Describe(TimeSpan duration) => Describe(duration, $"a {WarmUp.TotalSeconds} s warm-up (discarded)");

    /// <summary>The load line of a report whose runs do not all warm up for <see cref="WarmUp"/>, the warm-ups as the scenario words them.</summary>
    public static string Describe(TimeSpan duration, string warmUps) =>
        $"wrk -t{Threads} -c{Connections} -d{duration.TotalSeconds}s --latency after {warmUps}";

    /// <summary>GETs of a <c>/search</c> query.</summary>
    public static Task<WrkReport> MeasureAsync(
        string scenario, SearchQuery query, string target, Uri baseAddress, TimeSpan duration, CancellationToken cancellationToken) =>
        MeasureAsync(scenario, query.Name, target, query.On(baseAddress), script: null, WarmUp, duration, cancellationToken);

    /// <summary>GETs of <paramref name="url"/>, or the requests of <paramref name="script"/> to it, which also checks every answer's body.</summary>
    public static async Task<WrkReport> MeasureAsync(
        string scenario, string request, string target, Uri url, WrkScript? script, TimeSpan warmUp, TimeSpan duration,
        CancellationToken cancellationToken) =>
        (await RunAsync(scenario, request, target, url, script, warmUp, duration, cancellationToken)).Measured;

    /// <summary>The same warm-up and measured run, with the warm-up's figures too.</summary>
    public static async Task<LoadRun> RunAsync(
        string scenario, string request, string target, Uri url, WrkScript? script, TimeSpan warmUp, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        Progress.Report(scenario, $"wrk: {request} on the {target}, {warmUp.TotalSeconds} s warm-up then {duration.TotalSeconds} s");
        var warmUpReport = await Wrk.RunAsync(url, script, Threads, Connections, warmUp, cancellationToken);
        var report = await Wrk.RunAsync(url, script, Threads, Connections, duration, cancellationToken);
        if (report.Requests == 0 || report.NonSuccessResponses > 0 || report.SocketErrors > 0 || report.UnexpectedAnswers > 0)
            throw new BenchmarkException(
                $"wrk against the {target} ({url}) counted {report.NonSuccessResponses} answers with a status of 400 or more, " +
                $"{report.SocketErrors} socket errors and {report.UnexpectedAnswers} answers unlike the checked one in {report.Requests} requests: " +
                "its figures would not be those of successful answers.");
        return new LoadRun(warmUpReport, report);
    }
}
