namespace Fever.GraphQL.Language;

public sealed record SelectionSet(IReadOnlyList<Selection> Selections, Location Location);

public abstract record Selection(IReadOnlyList<Directive> Directives, Location Location);

public sealed record FieldSelection(
    string? Alias,
    string Name,
    IReadOnlyList<Argument> Arguments,
    IReadOnlyList<Directive> Directives,
    SelectionSet? SelectionSet,
    Location Location) : Selection(Directives, Location)
{
    public string ResponseName => Alias ?? Name;
}

public sealed record FragmentSpread(string Name, IReadOnlyList<Directive> Directives, Location Location)
    : Selection(Directives, Location);

public sealed record InlineFragment(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<Directive> Directives,
    SelectionSet SelectionSet,
    Location Location) : Selection(Directives, Location);
