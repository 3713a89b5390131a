namespace Fever.Benchmarks.Api;

/// <summary>A <c>/search</c> request of the benchmark and the answer the API gave it, which the ceiling serves as is.</summary>
/// <param name="Name">e.g. <c>narrow</c>.</param>
/// <param name="QueryString">Empty, or <c>?starts_at=…&amp;ends_at=…</c>.</param>
public sealed record SearchQuery(string Name, string QueryString, SearchAnswer Answer)
{
    public const string Path = "/search";

    public string PathAndQuery => Path + QueryString;

    public Uri On(Uri baseAddress) => new(baseAddress, PathAndQuery);

    /// <summary>
    /// Fails unless the server at <paramref name="baseAddress"/> answers this query with the very bytes of <see cref="Answer"/>,
    /// which came from <paramref name="source"/> (e.g. <c>api-0</c>): wrk must measure the same answer everywhere.
    /// </summary>
    public async Task EnsureSameAnswerAsync(Uri baseAddress, string source, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var answer = await SearchAnswer.FetchAsync(http, PathAndQuery, cancellationToken);
        if (!answer.Body.AsSpan().SequenceEqual(Answer.Body))
            throw new BenchmarkException(
                $"GET {PathAndQuery} on {baseAddress} answered {answer.Body.Length} bytes ({answer.Events.Count} events), " +
                $"not the {Answer.Body.Length} bytes ({Answer.Events.Count} events) of {source}: they do not serve the same data.");
    }
}
