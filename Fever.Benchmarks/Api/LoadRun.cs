using Fever.Benchmarks.Load;

namespace Fever.Benchmarks.Api;

/// <summary>
/// What wrk measured in a <see cref="SearchLoad"/> run: the discarded warm-up (its figures are not checked) and the
/// measured run, which only succeeded answers make.
/// </summary>
public sealed record LoadRun(WrkReport WarmUp, WrkReport Measured)
{
    /// <summary>The requests wrk completed in both: about every request the server answered under this load.</summary>
    public long Requests => WarmUp.Requests + Measured.Requests;
}
