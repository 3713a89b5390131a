using Fever.GraphQL.Types;

namespace Fever.GraphQL.Execution;

/// <summary>
/// A leaf value serialized by its scalar and encoded as JSON once (<see cref="ScalarType.Encode"/>): a read model that
/// keeps it resolves the field to it, and the response writer copies its bytes instead of serializing the value again.
/// </summary>
public sealed class EncodedValue(ScalarType type, byte[] utf8Json)
{
    public ScalarType Type { get; } = type;

    public ReadOnlyMemory<byte> Utf8Json { get; } = utf8Json;
}
