namespace Fever.GraphQL.Types;

public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}

/// <summary>A GraphQL type: a named type, or a list or non-null wrapper around one.</summary>
public abstract class GraphQLType
{
    public abstract TypeKind Kind { get; }

    /// <summary>The named type inside any wrappers.</summary>
    public abstract NamedType Unwrapped { get; }

    public bool IsNonNull => Kind == TypeKind.NonNull;

    /// <summary>The type without its outer non-null wrapper.</summary>
    public GraphQLType Nullable => this is NonNullType nonNull ? nonNull.OfType : this;

    public bool IsInputType => Unwrapped.Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    public bool IsLeaf => Unwrapped.Kind is TypeKind.Scalar or TypeKind.Enum;

    public NonNullType NonNull() => this as NonNullType ?? new NonNullType(this);

    public ListType List() => new(this);

    public abstract override string ToString();
}

/// <summary>A type with a name of its own: scalar, object, enum or input object.</summary>
public abstract class NamedType(string name, string? description) : GraphQLType
{
    public string Name { get; } = name;
    public string? Description { get; } = description;
    public override NamedType Unwrapped => this;
    public override string ToString() => Name;
}

public sealed class ListType(GraphQLType ofType) : GraphQLType
{
    public GraphQLType OfType { get; } = ofType;
    public override TypeKind Kind => TypeKind.List;
    public override NamedType Unwrapped => OfType.Unwrapped;
    public override string ToString() => $"[{OfType}]";
}

public sealed class NonNullType : GraphQLType
{
    public NonNullType(GraphQLType ofType)
    {
        if (ofType is NonNullType)
            throw new ArgumentException("A non-null type cannot wrap another non-null type.", nameof(ofType));
        OfType = ofType;
    }

    public GraphQLType OfType { get; }
    public override TypeKind Kind => TypeKind.NonNull;
    public override NamedType Unwrapped => OfType.Unwrapped;
    public override string ToString() => $"{OfType}!";
}
