using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Fever.Benchmarks.GraphQL;

/// <summary>
/// A 200 of <c>POST /graphql</c> for one page of <c>events</c> as it came over the wire (body and content type), checked
/// to hold data and no errors, and the start of each of its nodes in order.
/// </summary>
public sealed class EventsPageAnswer
{
    private const int QuotedBodyCharacters = 500;

    private EventsPageAnswer(byte[] body, string contentType, IReadOnlyList<DateTimeOffset> starts, bool hasNextPage)
    {
        Body = body;
        ContentType = contentType;
        Starts = starts;
        HasNextPage = hasNextPage;
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    /// <summary>Each node's <c>startsAt</c>, in the page's order.</summary>
    public IReadOnlyList<DateTimeOffset> Starts { get; }

    public bool HasNextPage { get; }

    /// <summary>
    /// POSTs <paramref name="requestBody"/> as <see cref="GraphQLQuery.ContentType"/> with no Accept header (as wrk sends it)
    /// and reads <c>{"data":{"events":{"nodes":[…],"pageInfo":{…}}}}</c>; an answer with <c>errors</c> is a failure, whatever its status.
    /// </summary>
    public static async Task<EventsPageAnswer> PostAsync(HttpClient http, byte[] requestBody, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(requestBody);
        content.Headers.ContentType = new MediaTypeHeaderValue(GraphQLQuery.ContentType);
        using var response = await http.PostAsync(GraphQLQuery.Path, content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var request = $"POST {GraphQLQuery.Path} {Encoding.UTF8.GetString(requestBody)}";
        if (response.StatusCode != HttpStatusCode.OK)
            throw new BenchmarkException($"{request} answered {(int)response.StatusCode}: {Quote(body)}");
        var contentType = response.Content.Headers.ContentType?.ToString()
            ?? throw new BenchmarkException($"{request} answered without a Content-Type.");
        try
        {
            var (starts, hasNextPage) = ReadPage(body);
            return new EventsPageAnswer(body, contentType, starts, hasNextPage);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BenchmarkException($"{request} answered 200 without a page of events ({exception.Message}): {Quote(body)}");
        }
    }

    private static (List<DateTimeOffset> Starts, bool HasNextPage) ReadPage(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.TryGetProperty("errors", out var errors))
            throw new FormatException($"{errors.GetArrayLength()} GraphQL error(s)");
        var events = document.RootElement.GetProperty("data").GetProperty("events");
        var nodes = events.GetProperty("nodes");
        var starts = new List<DateTimeOffset>(nodes.GetArrayLength());
        foreach (var node in nodes.EnumerateArray())
        {
            var text = node.GetProperty("startsAt").GetString() ?? throw new FormatException("a node has no startsAt");
            starts.Add(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }
        return (starts, events.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    private static string Quote(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length <= QuotedBodyCharacters ? text : text[..QuotedBodyCharacters] + "…";
    }
}
