using System.Net.Http.Json;
using System.Text.Json;

namespace Fever.Tests.AppHost;

/// <summary>
/// The Aspire dashboard's telemetry HTTP API (<c>/api/telemetry/…</c>, OTLP JSON), which the AppHost enables: what an
/// operator's tools read, and what the dashboard's pages show.
/// </summary>
public sealed class DashboardTelemetry(Uri dashboard, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = dashboard, DefaultRequestHeaders = { { "x-api-key", apiKey } } };

    /// <summary>True once the dashboard answers its telemetry API.</summary>
    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await _http.GetAsync("/api/telemetry/resources");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The spans of <paramref name="resource"/> (or of one trace), flattened.</summary>
    public async Task<IReadOnlyList<TelemetrySpan>> SpansAsync(string? resource = null, string? traceId = null)
    {
        var query = string.Join('&', new[] { resource is null ? null : $"resource={resource}", traceId is null ? null : $"traceId={traceId}", "limit=10000" }.OfType<string>());
        using var response = await _http.GetAsync($"/api/telemetry/spans?{query}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return []; // no telemetry of that resource yet
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. Flatten(body.GetProperty("data"), "resourceSpans", "scopeSpans", "spans", (resourceName, scope, span) => new TelemetrySpan(
            resourceName, scope, span.GetProperty("name").GetString()!, span.GetProperty("traceId").GetString()!,
            span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() : null, Attributes(span)))];
    }

    /// <summary>The log records of <paramref name="resource"/> (or of one trace), flattened.</summary>
    public async Task<IReadOnlyList<TelemetryLog>> LogsAsync(string resource, string? traceId = null)
    {
        using var response = await _http.GetAsync($"/api/telemetry/logs?resource={resource}&limit=10000{(traceId is null ? "" : $"&traceId={traceId}")}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return [];
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. Flatten(body.GetProperty("data"), "resourceLogs", "scopeLogs", "logRecords", (resourceName, scope, log) => new TelemetryLog(
            resourceName, scope, log.TryGetProperty("traceId", out var trace) ? trace.GetString() : null,
            log.TryGetProperty("body", out var text) && text.TryGetProperty("stringValue", out var value) ? value.GetString() : null))];
    }

    private static IEnumerable<T> Flatten<T>(JsonElement data, string resources, string scopes, string items, Func<string, string, JsonElement, T> make)
    {
        if (!data.TryGetProperty(resources, out var resourceList))
            yield break;
        foreach (var resource in resourceList.EnumerateArray())
        {
            var name = Attributes(resource.GetProperty("resource")).GetValueOrDefault("service.name") ?? "";
            foreach (var scope in resource.GetProperty(scopes).EnumerateArray())
            {
                var scopeName = scope.TryGetProperty("scope", out var s) && s.TryGetProperty("name", out var n) ? n.GetString()! : "";
                foreach (var item in scope.GetProperty(items).EnumerateArray())
                    yield return make(name, scopeName, item);
            }
        }
    }

    private static Dictionary<string, string?> Attributes(JsonElement owner) =>
        owner.TryGetProperty("attributes", out var attributes)
            ? attributes.EnumerateArray().GroupBy(a => a.GetProperty("key").GetString()!).ToDictionary(g => g.Key, g => Text(g.Last().GetProperty("value")))
            : [];

    private static string? Text(JsonElement value) => value.EnumerateObject().FirstOrDefault() is { Value: var v } ? v.ToString() : null;

    public void Dispose() => _http.Dispose();
}

public sealed record TelemetrySpan(string Resource, string Scope, string Name, string TraceId, string? ParentSpanId, IReadOnlyDictionary<string, string?> Attributes);

public sealed record TelemetryLog(string Resource, string Scope, string? TraceId, string? Message);
