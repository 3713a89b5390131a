using System.Buffers;
using System.Text.Json;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Http;
using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types;

/// <summary>
/// A leaf type: how its literals and JSON variable values become CLR values, and how CLR values are
/// serialized into a response (as a string, boolean or number).
/// </summary>
public abstract class ScalarType(string name, string? description, string? specifiedByUrl = null) : NamedType(name, description)
{
    public override TypeKind Kind => TypeKind.Scalar;

    public string? SpecifiedByUrl { get; } = specifiedByUrl;

    /// <summary>Reads a literal without variables; false if it is not a valid value of this scalar.</summary>
    public abstract bool TryParseLiteral(ValueNode literal, out object? value);

    /// <summary>Reads a variable's JSON value; false if it is not a valid value of this scalar.</summary>
    public abstract bool TryParseValue(JsonElement json, out object? value);

    /// <summary>
    /// The response value of a resolved CLR value: a string, boolean or number, or a <see cref="Guid"/> or UTC
    /// <see cref="DateTime"/> that the response writer formats (UUID's and DateTime's formats); throws
    /// <see cref="GraphQLException"/> if it cannot be represented.
    /// </summary>
    public abstract object Serialize(object value);

    /// <summary>
    /// <paramref name="value"/> serialized (<see cref="Serialize"/>) and encoded as the response writer would write it,
    /// for a read model to keep: a resolver that returns it costs the response a copy of its bytes.
    /// </summary>
    public EncodedValue Encode(object value)
    {
        var json = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(json, ResponseWriter.Options))
            ResponseWriter.WriteValue(writer, Serialize(value));
        return new EncodedValue(this, json.WrittenSpan.ToArray());
    }

    /// <summary>The response value of a resolved value: an <see cref="EncodedValue"/> of this scalar as it is, any other value serialized.</summary>
    internal object Complete(object value) => value is EncodedValue encoded && encoded.Type == this ? value : Serialize(value);

    protected GraphQLException CannotSerialize(object value) =>
        new($"{Name} cannot represent the value {value} ({value.GetType().Name}).", ErrorCodes.InternalError);
}
