using System.Diagnostics;

namespace Fever.Benchmarks.Ingest;

/// <summary>
/// The reference of the ingest: the feed downloaded and thrown away, as fast as this machine moves it from the
/// simulator. No ingest, which also parses and stores it, can beat it.
/// </summary>
public static class RawFetch
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Downloads the feed <paramref name="times"/> times over one connection and returns the fastest.</summary>
    public static async Task<Throughput> MeasureBestAsync(Uri feedUrl, int times, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var buffer = new byte[BufferSize];
        Throughput? best = null;
        for (var i = 0; i < times; i++)
        {
            var fetch = await FetchAsync(http, feedUrl, buffer, cancellationToken);
            if (best is null || fetch.Elapsed < best.Value.Elapsed)
                best = fetch;
        }
        return best ?? throw new ArgumentOutOfRangeException(nameof(times), times, "Fetch at least once.");
    }

    private static async Task<Throughput> FetchAsync(HttpClient http, Uri feedUrl, byte[] buffer, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(feedUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new BenchmarkException($"The simulator answered {(int)response.StatusCode} to {feedUrl}.");

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            bytes += read;
        return new Throughput(bytes, clock.Elapsed);
    }
}
