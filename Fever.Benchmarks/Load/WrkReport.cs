using System.Globalization;
using System.Text.RegularExpressions;

namespace Fever.Benchmarks.Load;

/// <summary>
/// What a <c>wrk --latency</c> run printed: the requests it completed, their rate, the median and 99th-percentile
/// latency, and the failures it counted (socket errors, answers with a status of 400 or more, and, with a
/// <see cref="WrkScript"/>, answers unlike the one the scenario checked).
/// </summary>
public sealed partial record WrkReport(
    long Requests,
    double RequestsPerSecond,
    TimeSpan Median,
    TimeSpan Percentile99,
    long SocketErrors,
    long NonSuccessResponses,
    long UnexpectedAnswers)
{
    /// <summary>
    /// Reads wrk's text report, and the count of unexpected answers if <paramref name="scripted"/> (a run with a
    /// <see cref="WrkScript"/>); throws when a figure the benchmarks need is not in it.
    /// </summary>
    public static WrkReport Parse(string output, bool scripted)
    {
        // wrk prints the "Socket errors" and "Non-2xx or 3xx responses" lines only when their counts are not zero.
        var socketErrors = SocketErrorsLine().Match(output) is { Success: true } errors
            ? Enumerable.Range(1, 4).Sum(group => long.Parse(errors.Groups[group].Value, CultureInfo.InvariantCulture))
            : 0;
        var nonSuccess = NonSuccessLine().Match(output) is { Success: true } responses
            ? long.Parse(responses.Groups[1].Value, CultureInfo.InvariantCulture)
            : 0;
        var unexpected = scripted
            ? long.Parse(Required(UnexpectedAnswersLine(), output, "count of unexpected answers from its script").Groups[1].Value,
                CultureInfo.InvariantCulture)
            : 0;
        return new WrkReport(
            long.Parse(Required(RequestsLine(), output, "the number of requests").Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(Required(RateLine(), output, "Requests/sec").Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(Required(MedianLine(), output, "the 50% latency")),
            Latency(Required(Percentile99Line(), output, "the 99% latency")),
            socketErrors,
            nonSuccess,
            unexpected);
    }

    private static Match Required(Regex pattern, string output, string figure) =>
        pattern.Match(output) is { Success: true } match
            ? match
            : throw new BenchmarkException($"wrk's output has no {figure}:\n{output}");

    /// <summary>wrk writes a latency as a number and one of its units: us, ms, s, m, h.</summary>
    private static TimeSpan Latency(Match match)
    {
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "us" => TimeSpan.FromMicroseconds(value),
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            var unit => throw new BenchmarkException($"wrk printed a latency in an unknown unit '{unit}': {match.Value.Trim()}"),
        };
    }

    // e.g. "  1120471 requests in 10.01s, 1.19GB read"
    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    // e.g. "Requests/sec: 111940.12"
    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    // e.g. "     50%  250.00us", under "Latency Distribution"
    [GeneratedRegex(@"^\s+50%\s+(?<value>[\d.]+)(?<unit>[a-z]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex MedianLine();

    [GeneratedRegex(@"^\s+99%\s+(?<value>[\d.]+)(?<unit>[a-z]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile99Line();

    // e.g. "  Socket errors: connect 0, read 3, write 0, timeout 12"
    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();

    // e.g. "  Non-2xx or 3xx responses: 12"
    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    // e.g. "Unexpected answers: 0", printed by a WrkScript after wrk's report
    [GeneratedRegex("^" + WrkScript.UnexpectedAnswersLabel + @" (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex UnexpectedAnswersLine();
}
