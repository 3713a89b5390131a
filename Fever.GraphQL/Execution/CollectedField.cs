using System.Text.Json;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Execution;

/// <summary>
/// One field of a collected selection set on an object type: its response name, its merged nodes and its definition,
/// looked up once per request rather than once per object of a list.
/// </summary>
public sealed class CollectedField(string responseName, List<FieldSelection> nodes, FieldDefinition definition)
{
    public string ResponseName { get; } = responseName;
    public JsonEncodedText EncodedName { get; } = JsonEncodedText.Encode(responseName);
    public List<FieldSelection> Nodes { get; } = nodes;
    public FieldDefinition Definition { get; } = definition;

    /// <summary>
    /// Set when the field is a scalar or enum (or its non-null) read by a pure resolver: the executor then completes it
    /// synchronously, without the asynchronous path every other field takes.
    /// </summary>
    public Func<object?, object?>? LeafRead { get; } =
        definition.Read is not null && definition.Arguments.Count == 0 && definition.Type.Nullable.Kind is TypeKind.Scalar or TypeKind.Enum
            ? definition.Read
            : null;

    /// <summary>The scalar or enum of a leaf, without its non-null wrapper.</summary>
    public GraphQLType LeafType { get; } = definition.Type.Nullable;

    public bool IsNonNull { get; } = definition.Type.IsNonNull;
}
