namespace Fever.GraphQL.Language;

/// <summary>The document is not GraphQL: a lexical or grammatical error at <see cref="Location"/>.</summary>
public sealed class GraphQLSyntaxException(string message, Location location, string code = ErrorCodes.ParseFailed)
    : Exception(message)
{
    public Location Location { get; } = location;
    public string Code { get; } = code;
}
