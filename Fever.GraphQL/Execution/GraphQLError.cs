using Fever.GraphQL.Language;

namespace Fever.GraphQL.Execution;

/// <summary>An entry of a response's <c>errors</c>: message, where in the document, where in the result, and a code.</summary>
public sealed record GraphQLError(
    string Message,
    string Code,
    IReadOnlyList<Location>? Locations = null,
    IReadOnlyList<object>? Path = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static GraphQLError At(string message, string code, Location location) => new(message, code, [location]);
}
