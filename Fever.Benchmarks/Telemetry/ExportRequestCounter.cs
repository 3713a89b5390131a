using System.Collections.Concurrent;

namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// The OTLP export requests a <see cref="TelemetryReceiver"/> answered: per path (<c>/v1/traces</c>, <c>/v1/logs</c>,
/// <c>/v1/metrics</c>) how many and how many bytes of protobuf, and how many it refused (a status of 400 or more).
/// </summary>
public sealed class ExportRequestCounter
{
    public const string TracesPath = "/v1/traces";
    public const string LogsPath = "/v1/logs";
    public const string MetricsPath = "/v1/metrics";

    private readonly ConcurrentDictionary<string, Exports> _byPath = new();
    private long _refused;

    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Every request counted, answered or refused.</summary>
    public long Total => _byPath.Values.Sum(exports => Interlocked.Read(ref exports.Requests)) + Refused;

    /// <summary>Every request's <c>Content-Length</c>: the exporter sends each body whole, with its length.</summary>
    public void Count(string path, long? bodyBytes, int statusCode)
    {
        if (statusCode >= 400)
        {
            Interlocked.Increment(ref _refused);
            return;
        }
        var exports = _byPath.GetOrAdd(path, _ => new Exports());
        Interlocked.Increment(ref exports.Requests);
        Interlocked.Add(ref exports.Bytes, bodyBytes ?? 0);
    }

    /// <summary>The requests answered on <paramref name="path"/>.</summary>
    public long Requests(string path) => _byPath.TryGetValue(path, out var exports) ? Interlocked.Read(ref exports.Requests) : 0;

    /// <summary>The bytes of the requests answered on <paramref name="path"/>, as sent (the exporter does not compress them).</summary>
    public long Bytes(string path) => _byPath.TryGetValue(path, out var exports) ? Interlocked.Read(ref exports.Bytes) : 0;

    private sealed class Exports
    {
        public long Requests;
        public long Bytes;
    }
}
