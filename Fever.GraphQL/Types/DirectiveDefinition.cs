using Fever.GraphQL.Language;

namespace Fever.GraphQL.Types;

/// <summary>A directive and where it may appear (spec §3.13).</summary>
public sealed class DirectiveDefinition(string name, string? description, IReadOnlyList<string> locations,
    IReadOnlyList<InputValue> arguments, bool isRepeatable = false)
{
    public string Name { get; } = name;
    public string? Description { get; } = description;
    public IReadOnlyList<string> Locations { get; } = locations;
    public IReadOnlyList<InputValue> Arguments { get; } = arguments;
    public bool IsRepeatable { get; } = isRepeatable;

    public static readonly DirectiveDefinition Include = new("include",
        "Directs the executor to include this field or fragment only when the `if` argument is true.",
        ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
        [new InputValue("if", BuiltInScalars.Boolean.NonNull(), "Included when true.")]);

    public static readonly DirectiveDefinition Skip = new("skip",
        "Directs the executor to skip this field or fragment when the `if` argument is true.",
        ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"],
        [new InputValue("if", BuiltInScalars.Boolean.NonNull(), "Skipped when true.")]);

    public static readonly DirectiveDefinition Deprecated = new("deprecated",
        "Marks an element of a GraphQL schema as no longer supported.",
        ["FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE"],
        [new InputValue("reason", BuiltInScalars.String,
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            new StringValueNode("No longer supported", default))]);

    public static readonly DirectiveDefinition SpecifiedBy = new("specifiedBy",
        "Exposes a URL that specifies the behavior of this scalar.",
        ["SCALAR"],
        [new InputValue("url", BuiltInScalars.String.NonNull(), "The URL that specifies the behavior of this scalar.")]);

    public static readonly IReadOnlyList<DirectiveDefinition> BuiltIn = [Include, Skip, Deprecated, SpecifiedBy];

    public InputValue? FindArgument(string name) => Arguments.FirstOrDefault(a => a.Name == name);
}
