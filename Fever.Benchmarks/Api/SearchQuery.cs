namespace Fever.Benchmarks.Api;

/// <summary>A <c>/search</c> request of the benchmark and the answer the API gave it, which the ceiling serves as is.</summary>
/// <param name="Name">e.g. <c>narrow</c>.</param>
/// <param name="QueryString">Empty, or <c>?starts_at=…&amp;ends_at=…</c>.</param>
public sealed record SearchQuery(string Name, string QueryString, SearchAnswer Answer)
{
    public const string Path = "/search";

    public string PathAndQuery => Path + QueryString;

    public Uri On(Uri baseAddress) => new(baseAddress, PathAndQuery);
}
