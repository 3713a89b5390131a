using System.Text.Json;
using Fever.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// The reference implementation we measure our GraphQL endpoint against: graphql-js and graphql-http's audits,
/// run by the node scripts of this folder (installed by <c>npm ci</c> here, which <c>make prerequisites</c> does).
/// </summary>
public static class GraphQLJs
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "Fever.Tests", "GraphQL", "Conformance");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>graphql-http's GraphQL-over-HTTP server audits against <paramref name="endpoint"/>.</summary>
    public static async Task<IReadOnlyList<AuditResult>> AuditAsync(Uri endpoint) =>
        Parse<List<AuditResult>>(await NodeScript.RunAsync(Folder, "audit.mjs", [endpoint.ToString()]));

    /// <summary>getIntrospectionQuery() with descriptions, specifiedByURL, isRepeatable, the schema's description and deprecated input values.</summary>
    public static Task<string> IntrospectionQueryAsync() => NodeScript.RunAsync(Folder, "introspection-query.mjs", []);

    /// <summary>Whether an introspection result builds a valid schema, and whether an SDL file describes the same one.</summary>
    public static async Task<SchemaVerdict> JudgeSchemaAsync(string introspectionFile, string sdlFile) =>
        Parse<SchemaVerdict>(await NodeScript.RunAsync(Folder, "schema-oracle.mjs", [introspectionFile, sdlFile]));

    /// <summary>graphql-js's verdict on each <c>*.graphql</c> document of <paramref name="corpusFolder"/>, by file name.</summary>
    public static async Task<IReadOnlyDictionary<string, DocumentVerdict>> ValidateAsync(string schemaFile, string corpusFolder) =>
        Parse<Dictionary<string, DocumentVerdict>>(await NodeScript.RunAsync(Folder, "validate-corpus.mjs", [schemaFile, corpusFolder]));

    private static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidOperationException($"A script printed null instead of a {typeof(T).Name}.");
}
