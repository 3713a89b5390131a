using Fever.Benchmarks.Api;
using Fever.Benchmarks.Load;

namespace Fever.Benchmarks.GraphQL;

/// <summary>A GraphQL query and a <c>/search</c> query under the same load against the same API process.</summary>
public sealed record GraphQLComparison(GraphQLQuery GraphQLQuery, SearchQuery SearchQuery, WrkReport GraphQL, WrkReport Search)
{
    /// <summary>The GraphQL query's throughput as a fraction of the <c>/search</c> query's.</summary>
    public double ShareOfSearch => GraphQL.RequestsPerSecond / Search.RequestsPerSecond;
}
