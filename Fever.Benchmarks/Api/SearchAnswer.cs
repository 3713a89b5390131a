using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Fever.Benchmarks.Api;

/// <summary>A 200 of <c>/search</c> as it came over the wire (body and content type), and the periods of its events in order.</summary>
public sealed class SearchAnswer
{
    private const int QuotedBodyCharacters = 500;

    private SearchAnswer(byte[] body, string contentType, IReadOnlyList<EventPeriod> events)
    {
        Body = body;
        ContentType = contentType;
        Events = events;
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    public IReadOnlyList<EventPeriod> Events { get; }

    /// <summary>GETs <paramref name="pathAndQuery"/> (uncompressed, as wrk asks for it) and reads <c>{"data":{"events":[…]}}</c>.</summary>
    public static async Task<SearchAnswer> FetchAsync(HttpClient http, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(pathAndQuery, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new BenchmarkException($"GET {pathAndQuery} answered {(int)response.StatusCode}: {Quote(body)}");
        var contentType = response.Content.Headers.ContentType?.ToString()
            ?? throw new BenchmarkException($"GET {pathAndQuery} answered without a Content-Type.");
        try
        {
            return new SearchAnswer(body, contentType, ReadEvents(body));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BenchmarkException($"GET {pathAndQuery} answered 200 without the events of the spec ({exception.Message}): {Quote(body)}");
        }
    }

    private static List<EventPeriod> ReadEvents(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var events = document.RootElement.GetProperty("data").GetProperty("events");
        var periods = new List<EventPeriod>(events.GetArrayLength());
        foreach (var summary in events.EnumerateArray())
            periods.Add(new EventPeriod(Instant(summary, "start_date", "start_time"), Instant(summary, "end_date", "end_time")));
        return periods;
    }

    private static DateTime Instant(JsonElement summary, string dateProperty, string timeProperty)
    {
        var dateText = summary.GetProperty(dateProperty).GetString() ?? throw new FormatException($"an event has no {dateProperty}");
        var date = DateOnly.ParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var time = summary.GetProperty(timeProperty).GetString() is { } text
            ? TimeOnly.ParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture)
            : TimeOnly.MinValue;
        return date.ToDateTime(time, DateTimeKind.Utc);
    }

    private static string Quote(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= QuotedBodyCharacters ? text : text[..QuotedBodyCharacters] + "…";
    }
}
