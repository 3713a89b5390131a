using Fever.Benchmarks.Api;
using Fever.Benchmarks.Load;

namespace Fever.Benchmarks.Proxy;

/// <summary>One query under the same load through the AppHost's proxy (over every replica) and against one replica directly.</summary>
public sealed record ProxyComparison(SearchQuery Query, WrkReport Proxy, WrkReport Direct)
{
    /// <summary>The proxy's throughput as a fraction of the one replica's.</summary>
    public double ShareOfDirect => Proxy.RequestsPerSecond / Direct.RequestsPerSecond;
}
