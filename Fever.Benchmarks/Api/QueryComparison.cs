using Fever.Benchmarks.Load;

namespace Fever.Benchmarks.Api;

/// <summary>One query under the same load against the API and against the ceiling.</summary>
public sealed record QueryComparison(SearchQuery Query, WrkReport Api, WrkReport Ceiling)
{
    /// <summary>The API's throughput as a fraction of the ceiling's.</summary>
    public double ShareOfCeiling => Api.RequestsPerSecond / Ceiling.RequestsPerSecond;
}
