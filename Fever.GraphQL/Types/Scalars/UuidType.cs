namespace Fever.GraphQL.Types.Scalars;

/// <summary>HotChocolate's <c>UUID</c>: <c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>, read case-insensitively, written in lower case.</summary>
public sealed class UuidType() : StringScalar("UUID", null, "https://tools.ietf.org/html/rfc4122")
{
    protected override bool TryParse(string text, out object? value)
    {
        value = null;
        if (!Guid.TryParseExact(text, "D", out var id))
            return false;
        value = id;
        return true;
    }

    /// <summary>The id itself: the response writer writes it in the <c>D</c> format, without a string in between.</summary>
    public override object Serialize(object value) => value is Guid ? value : throw CannotSerialize(value);
}
