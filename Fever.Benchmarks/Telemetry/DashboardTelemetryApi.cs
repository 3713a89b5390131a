using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fever.Benchmarks.Telemetry;

/// <summary>
/// The Aspire dashboard's telemetry HTTP API (<c>GET /api/telemetry/resources</c>, <c>/spans</c>, <c>/logs</c>: OTLP
/// JSON with the number of items that matched), authenticated with the <c>X-API-Key</c> header. It reads what the
/// dashboard stored; metrics have no such endpoint, only a resource's <c>hasMetrics</c>.
/// </summary>
public sealed class DashboardTelemetryApi(Uri frontend, string apiKey) : IDisposable
{
    /// <summary>Far more than the dashboard keeps, so that a list is never cut.</summary>
    private const int Everything = int.MaxValue;

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http = new()
    {
        BaseAddress = frontend,
        Timeout = ReadTimeout,
        DefaultRequestHeaders = { { "X-API-Key", apiKey } },
    };

    /// <summary>Whether the API answers 200 yet (false while the dashboard starts).</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("api/telemetry/resources", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// How many traces and log records the dashboard holds, and from which resources. Not free: even with <c>limit=1</c>
    /// the dashboard reads every trace to count them (about 0.4 s of its CPU for 11,000); a count of spans costs
    /// five times that, so there is none.
    /// </summary>
    public async Task<DashboardCounts> CountAsync(CancellationToken cancellationToken)
    {
        var traces = await GetAsync<Counted>("api/telemetry/traces?limit=1", cancellationToken);
        var logs = await GetAsync<Counted>("api/telemetry/logs?limit=1", cancellationToken);
        var resources = await GetAsync<List<DashboardResource>>("api/telemetry/resources", cancellationToken);
        return new DashboardCounts(traces.TotalCount, logs.TotalCount, resources);
    }

    /// <summary>Every span the dashboard holds for <paramref name="resource"/>, by name, kind and whether it is a trace's root.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> SpansAsync(string resource, CancellationToken cancellationToken)
    {
        var answer = await GetAsync<SpansAnswer>($"api/telemetry/spans?resource={Uri.EscapeDataString(resource)}&limit={Everything}", cancellationToken);
        var spans = answer.Data.ResourceSpans
            .SelectMany(r => r.ScopeSpans)
            .SelectMany(s => s.Spans)
            .Select(s => new ReceivedSpan(s.Name, (ReceivedSpan.SpanKind)s.Kind, IsRoot: string.IsNullOrEmpty(s.ParentSpanId)))
            .ToList();
        if (spans.Count != answer.TotalCount)
            throw new BenchmarkException($"The dashboard listed {spans.Count} of the {answer.TotalCount} spans of {resource}: the count below would be short.");
        return spans;
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new BenchmarkException($"The dashboard's telemetry API answered {(int)response.StatusCode} to GET /{pathAndQuery}.");
        return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new BenchmarkException($"The dashboard's telemetry API answered null to GET /{pathAndQuery}.");
    }

    private sealed record Counted(int TotalCount);

    private sealed record SpansAnswer(SpansData Data, int TotalCount);

    private sealed record SpansData(List<ResourceSpans> ResourceSpans);

    private sealed record ResourceSpans(List<ScopeSpans> ScopeSpans);

    private sealed record ScopeSpans(List<OtlpSpan> Spans);

    private sealed record OtlpSpan(string Name, int Kind, string? ParentSpanId);
}

/// <summary>What the dashboard holds: traces and log records of every resource, and the resources that sent any telemetry.</summary>
public sealed record DashboardCounts(int Traces, int Logs, IReadOnlyList<DashboardResource> Resources)
{
    /// <summary>Whether two counts are of the same telemetry (the resources compared by name and signals).</summary>
    public bool SameAs(DashboardCounts other) =>
        (Traces, Logs) == (other.Traces, other.Logs) && Resources.SequenceEqual(other.Resources);

    public override string ToString() =>
        $"{Traces:#,0} traces, {Logs:#,0} log records, resources [{string.Join(", ", Resources.Select(r => r.Name))}]";
}

/// <summary>A resource as the dashboard's API lists it: its name (<c>OTEL_SERVICE_NAME</c>) and the signals it sent.</summary>
public sealed record DashboardResource(string Name, bool HasLogs, bool HasTraces, bool HasMetrics);

/// <summary>A span the dashboard stored.</summary>
public sealed record ReceivedSpan(string Name, ReceivedSpan.SpanKind Kind, bool IsRoot)
{
    /// <summary>OTLP's span kinds (the JSON gives the number).</summary>
    public enum SpanKind
    {
        Unspecified = 0,
        Internal = 1,
        Server = 2,
        Client = 3,
        Producer = 4,
        Consumer = 5,
    }
}
