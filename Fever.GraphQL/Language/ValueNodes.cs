using System.Text;

namespace Fever.GraphQL.Language;

/// <summary>A literal value or variable in a document.</summary>
public abstract record ValueNode(Location Location)
{
    /// <summary>The value as GraphQL source, for error messages.</summary>
    public abstract void Print(StringBuilder text);

    public sealed override string ToString()
    {
        var text = new StringBuilder();
        Print(text);
        return text.ToString();
    }
}

public sealed record VariableNode(string Name, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text) => text.Append('$').Append(Name);
}

public sealed record IntValueNode(string Value, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text) => text.Append(Value);
}

public sealed record FloatValueNode(string Value, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text) => text.Append(Value);
}

public sealed record StringValueNode(string Value, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text) => text.Append(JsonString.Quote(Value));
}

public sealed record BooleanValueNode(bool Value, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text) => text.Append(Value ? "true" : "false");
}

public sealed record NullValueNode(Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text) => text.Append("null");
}

public sealed record EnumValueNode(string Value, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text) => text.Append(Value);
}

public sealed record ListValueNode(IReadOnlyList<ValueNode> Items, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
                text.Append(", ");
            Items[i].Print(text);
        }
        text.Append(']');
    }
}

public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields, Location Location) : ValueNode(Location)
{
    public override void Print(StringBuilder text)
    {
        text.Append('{');
        for (var i = 0; i < Fields.Count; i++)
        {
            text.Append(i > 0 ? ", " : " ").Append(Fields[i].Name).Append(": ");
            Fields[i].Value.Print(text);
        }
        text.Append(Fields.Count > 0 ? " }" : "}");
    }
}

public sealed record ObjectFieldNode(string Name, ValueNode Value, Location Location);
