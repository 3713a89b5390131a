namespace Fever.GraphQL.Language;

/// <summary>An executable document: operations and fragments, in source order.</summary>
public sealed record Document(IReadOnlyList<Definition> Definitions)
{
    public IEnumerable<OperationDefinition> Operations => Definitions.OfType<OperationDefinition>();
    public IEnumerable<FragmentDefinition> Fragments => Definitions.OfType<FragmentDefinition>();
}

public abstract record Definition(Location Location);

public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}

public sealed record OperationDefinition(
    OperationType Operation,
    string? Name,
    IReadOnlyList<VariableDefinition> Variables,
    IReadOnlyList<Directive> Directives,
    SelectionSet SelectionSet,
    Location Location) : Definition(Location);

public sealed record FragmentDefinition(
    string Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<Directive> Directives,
    SelectionSet SelectionSet,
    Location Location) : Definition(Location);

/// <summary>A type-system definition or extension: parsed so validation can refuse it, as graphql-js does.</summary>
public sealed record TypeSystemDefinition(string Kind, Location Location) : Definition(Location);

public sealed record VariableDefinition(
    string Name,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<Directive> Directives,
    Location Location);

public sealed record Directive(string Name, IReadOnlyList<Argument> Arguments, Location Location);

public sealed record Argument(string Name, ValueNode Value, Location Location);
