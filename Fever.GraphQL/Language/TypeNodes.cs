namespace Fever.GraphQL.Language;

/// <summary>A type reference in a variable definition: <c>Name</c>, <c>[Type]</c> or <c>Type!</c>.</summary>
public abstract record TypeNode(Location Location);

public sealed record NamedTypeNode(string Name, Location Location) : TypeNode(Location)
{
    public sealed override string ToString() => Name;
}

public sealed record ListTypeNode(TypeNode ItemType, Location Location) : TypeNode(Location)
{
    public sealed override string ToString() => $"[{ItemType}]";
}

public sealed record NonNullTypeNode(TypeNode Type, Location Location) : TypeNode(Location)
{
    public sealed override string ToString() => $"{Type}!";
}

public static class TypeNodeExtensions
{
    public static string NamedTypeName(this TypeNode node) => node switch
    {
        NamedTypeNode named => named.Name,
        ListTypeNode list => list.ItemType.NamedTypeName(),
        NonNullTypeNode nonNull => nonNull.Type.NamedTypeName(),
        _ => "",
    };
}
