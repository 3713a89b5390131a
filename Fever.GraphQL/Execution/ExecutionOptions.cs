namespace Fever.GraphQL.Execution;

/// <summary>The safety limits of the engine, all on by default. Bound from the "GraphQL" section.</summary>
public sealed class ExecutionOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Longest document accepted, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 32 * 1024;

    /// <summary>Largest POST body accepted (document, variables and extensions), in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Most lexical tokens in a document.</summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Deepest field nesting; the introspection query of graphql-js nests 15 levels, so IDEs need room above it.</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>Most fields in the operation once fragments are expanded (aliases count each time).</summary>
    public int MaxFields { get; set; } = 500;

    /// <summary>Budget of the estimated cost: 1 per field, what is under a page multiplied by the page size.</summary>
    public int MaxCost { get; set; } = 5_000;

    /// <summary>Longest an operation may run.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Page size of a paged field when the request gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>first</c>/<c>last</c> a paged field accepts.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Parsed and validated documents kept for reuse.</summary>
    public int DocumentCacheSize { get; set; } = 256;
}
