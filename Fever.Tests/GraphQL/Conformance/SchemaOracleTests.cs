using Fever.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// The served schema judged by graphql-js: the answer to its full introspection query (every October 2021 option on)
/// builds a schema that validateSchema accepts, and <c>/graphql?sdl</c> describes that same schema.
/// </summary>
[Collection(SampleApiCollection.Name)]
public sealed class SchemaOracleTests(SampleApiFixture fixture, ITestOutputHelper output)
{
    private readonly HttpClient _api = RunningApi.Of(fixture);

    [Fact]
    public async Task Introspection_gives_a_valid_schema_and_the_served_SDL_is_that_schema()
    {
        using var schema = await ServedSchema.FetchAsync(_api);

        var verdict = await GraphQLJs.JudgeSchemaAsync(schema.IntrospectionFile, schema.SdlFile);

        Assert.True(verdict.IntrospectionErrors.Count == 0, $"buildClientSchema rejects our introspection:\n{Lines(verdict.IntrospectionErrors)}");
        Assert.True(verdict.SchemaErrors.Count == 0, $"validateSchema rejects the introspected schema:\n{Lines(verdict.SchemaErrors)}");
        Assert.True(verdict.SdlErrors.Count == 0, $"graphql-js rejects our SDL:\n{Lines(verdict.SdlErrors)}");
        output.WriteLine($"Same order of definitions: {verdict.SameOrder}. SDL exactly as graphql-js prints it: {verdict.Verbatim}.");
        Assert.True(verdict.Equal, $"The SDL and the introspection differ ('-' introspection, '+' SDL):\n{Lines(verdict.Diff)}");
    }

    [Fact]
    public async Task The_comparison_catches_a_type_the_introspection_lacks()
    {
        using var schema = await ServedSchema.FetchAsync(_api);
        await File.AppendAllTextAsync(schema.SdlFile, "\ntype Unserved {\n  value: Int\n}\n");

        var verdict = await GraphQLJs.JudgeSchemaAsync(schema.IntrospectionFile, schema.SdlFile);

        Assert.Empty(verdict.IntrospectionErrors.Concat(verdict.SdlErrors));
        Assert.False(verdict.Equal);
        Assert.Contains("+ type Unserved {", verdict.Diff);
    }

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);
}
