namespace Fever.GraphQL.Language;

/// <summary>A 1-based line and column in a GraphQL document, as errors report them.</summary>
public readonly record struct Location(int Line, int Column);
