namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// schema-oracle.mjs's judgement of a served schema: the errors graphql-js finds building and validating the schema
/// from introspection and from SDL, whether both print the same (<see cref="Equal"/>, definitions sorted; also in the
/// same order; also the SDL verbatim as graphql-js prints it), and the diff when they do not.
/// </summary>
public sealed record SchemaVerdict(
    IReadOnlyList<string> IntrospectionErrors,
    IReadOnlyList<string> SchemaErrors,
    IReadOnlyList<string> SdlErrors,
    bool Equal,
    bool SameOrder,
    bool Verbatim,
    IReadOnlyList<string> Diff);
