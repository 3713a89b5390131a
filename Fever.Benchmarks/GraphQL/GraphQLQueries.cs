namespace Fever.Benchmarks.GraphQL;

/// <summary>
/// The GraphQL request of the benchmark, asked once and checked: the first page of <c>events</c> at the schema's largest
/// page size, in the default order (by start, as <c>/search</c>), with the fields of a listing and the page's cursor.
/// </summary>
public static class GraphQLQueries
{
    public const string FirstPage = "first page";

    public const string FirstPageDocument =
        "{ events(first: 50) { nodes { id title startsAt endsAt minPrice maxPrice soldOut } pageInfo { hasNextPage endCursor } } }";

    /// <summary>The <c>first</c> of <see cref="FirstPageDocument"/>, the schema's largest page.</summary>
    public const int PageSize = 50;

    public static async Task<GraphQLQuery> CaptureAsync(Uri api, int storedEvents, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api };
        var answer = await EventsPageAnswer.PostAsync(http, GraphQLQuery.RequestBody(FirstPageDocument), cancellationToken);

        var expected = Math.Min(PageSize, storedEvents);
        if (answer.Starts.Count != expected || answer.HasNextPage != storedEvents > PageSize)
            throw new BenchmarkException(
                $"POST {GraphQLQuery.Path} {FirstPageDocument} answered {answer.Starts.Count} events (hasNextPage: {answer.HasNextPage}); " +
                $"the database holds {storedEvents}, so the first page has {expected}.");
        for (var i = 1; i < answer.Starts.Count; i++)
        {
            if (answer.Starts[i] < answer.Starts[i - 1])
                throw new BenchmarkException(
                    $"POST {GraphQLQuery.Path} {FirstPageDocument} is not ordered by start: node {i} starts at {answer.Starts[i]:s}, " +
                    $"before node {i - 1} ({answer.Starts[i - 1]:s}).");
        }
        return new GraphQLQuery(FirstPage, FirstPageDocument, answer);
    }
}
