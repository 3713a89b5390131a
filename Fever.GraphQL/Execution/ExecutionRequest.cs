using System.Text.Json;

namespace Fever.GraphQL.Execution;

/// <summary>One GraphQL request: the document, the operation to run, its variables, and what the transport allows.</summary>
public sealed record ExecutionRequest(string Query, string? OperationName = null, JsonElement? Variables = null)
{
    /// <summary>False over GET: a mutation is then refused (GraphQL over HTTP).</summary>
    public bool AllowMutations { get; init; } = true;

    /// <summary>Values the transport hands to resolvers (e.g. whether the API key was given).</summary>
    public IReadOnlyDictionary<string, object?> ContextData { get; init; } = new Dictionary<string, object?>();

    public IServiceProvider? Services { get; init; }
}
