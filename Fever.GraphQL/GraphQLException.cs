namespace Fever.GraphQL;

/// <summary>An error a resolver reports to the client: its message and <c>extensions.code</c> go into the response.</summary>
public class GraphQLException(string message, string code, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?>? Extensions { get; } = extensions;
}
