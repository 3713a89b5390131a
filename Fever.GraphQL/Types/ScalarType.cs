using System.Text.Json;
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

    protected GraphQLException CannotSerialize(object value) =>
        new($"{Name} cannot represent the value {value} ({value.GetType().Name}).", ErrorCodes.InternalError);
}
