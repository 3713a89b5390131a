using System.Text;
using System.Text.Json;
using Fever.GraphQL;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Http;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;
using Fever.GraphQL.Types.Scalars;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fever.Tests.GraphQL;

/// <summary>The engine on a small schema of its own: parsing, errors, null propagation, variables, directives, fragments.</summary>
public sealed class EngineTests
{
    private sealed record Item(string Name, int? Rank);

    private sealed record Wrapper(Item Item);

    private static readonly GraphQLExecutor Executor = new(BuildSchema(), Options.Create(new ExecutionOptions()), NullLogger<GraphQLExecutor>.Instance);

    private static Schema BuildSchema()
    {
        var item = new ObjectType("Item")
            .Field<Item>("name", BuiltInScalars.String.NonNull(), i => i.Name)
            .Field<Item>("rank", BuiltInScalars.Int.NonNull(), i => i.Rank)
            .Field<Item>("broken", BuiltInScalars.String, _ => throw new GraphQLException("Broken on purpose.", "BROKEN"));
        var wrapper = new ObjectType("Wrapper").Field<Wrapper>("item", item.NonNull(), w => w.Item);
        Item[] items = [new("a", 1), new("b", null), new("c", 3)];
        var query = new ObjectType("Query")
            .Field(new FieldDefinition("items", item.NonNull().List(), _ => new ValueTask<object?>(items)))
            .Field(new FieldDefinition("strictItems", item.NonNull().List().NonNull(), _ => new ValueTask<object?>(items)))
            .Field(new FieldDefinition("wrapped", wrapper.List(), _ => new ValueTask<object?>(items.Select(i => new Wrapper(i)).ToArray())))
            .Field(new FieldDefinition("echo", BuiltInScalars.String, c => new ValueTask<object?>(c.Argument<string>("text")), null,
                [new InputValue("text", BuiltInScalars.String, null, new StringValueNode("default", default))]));
        return new Schema(query);
    }

    private static async Task<JsonElement> RunAsync(string query, string? variables = null)
    {
        var result = await Executor.ExecuteAsync(new ExecutionRequest(query, null, variables is null ? null : JsonDocument.Parse(variables).RootElement));
        using var stream = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(stream))
            ResponseWriter.Write(writer, result);
        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement;
    }

    [Fact]
    public void Block_strings_lose_their_common_indentation_and_blank_edges()
    {
        var document = Parser.Parse("{ echo(text: \"\"\"\n    Hello,\n      World!\n\n    Yours\n  \"\"\") }");
        var text = ((StringValueNode)((FieldSelection)((OperationDefinition)document.Definitions[0]).SelectionSet.Selections[0]).Arguments[0].Value).Value;

        Assert.Equal("Hello,\n  World!\n\nYours", text);
    }

    [Theory]
    [InlineData("\"\\u00e9\\u{1F600}\\n\"", "é😀\n")]
    [InlineData("\"\\uD83D\\uDE00\"", "😀")]
    public void String_escapes_are_decoded(string literal, string expected)
    {
        var value = (StringValueNode)Parser.ParseValue(literal);
        Assert.Equal(expected, value.Value);
    }

    [Fact]
    public void Scalars_encode_as_the_response_writes_them_uuids_in_lower_case_times_in_utc_with_milliseconds()
    {
        static string Encoded(ScalarType scalar, object value) => Encoding.UTF8.GetString(scalar.Encode(value).Utf8Json.Span);

        Assert.Equal("\"2021-06-01T18:30:05.123Z\"", Encoded(HotChocolateScalars.DateTime, new DateTime(2021, 6, 1, 18, 30, 5, 123).AddTicks(9_999)));
        Assert.Equal("\"0999-12-31T22:00:00.000Z\"", Encoded(HotChocolateScalars.DateTime, new DateTimeOffset(1000, 1, 1, 0, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal("\"6ba7b811-9dad-11d1-80b4-00c04fd430c8\"", Encoded(HotChocolateScalars.Uuid, new Guid("6BA7B811-9DAD-11D1-80B4-00C04FD430C8")));
        Assert.Equal("12.50", Encoded(HotChocolateScalars.Decimal, 12.50m));
        Assert.Equal("\"Café \\\"Rock\\\"\"", Encoded(BuiltInScalars.String, "Café \"Rock\""));
    }

    [Theory]
    [InlineData("{ a(x: 01) }", 1, 9)]
    [InlineData("{\n  a(x: \"open\n) }", 2, 13)]
    [InlineData("query { a } }", 1, 13)]
    [InlineData("{ a(x: 1.) }", 1, 10)]
    [InlineData("fragment on on Query { a }", 1, 10)]
    public void Syntax_errors_name_where_they_are(string source, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));
        Assert.Equal(new Location(line, column), error.Location);
    }

    [Fact]
    public async Task A_null_in_a_non_null_field_nulls_the_nearest_nullable_parent_and_is_reported_once()
    {
        var response = await RunAsync("{ items { name rank } strictItems { name } }");

        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("items").ValueKind);
        Assert.Equal(3, response.GetProperty("data").GetProperty("strictItems").GetArrayLength());
        var error = Assert.Single(response.GetProperty("errors").EnumerateArray());
        Assert.Equal("[\"items\",1,\"rank\"]", error.GetProperty("path").GetRawText());
        Assert.Equal("NON_NULL_VIOLATION", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Errors_after_a_propagated_null_name_their_own_path()
    {
        var response = await RunAsync("{ wrapped { item { rank broken } } }");

        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("wrapped")[1].ValueKind);
        Assert.Equal(
            ["[\"wrapped\",0,\"item\",\"broken\"]", "[\"wrapped\",1,\"item\",\"rank\"]", "[\"wrapped\",2,\"item\",\"broken\"]"],
            response.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetRawText()));
    }

    [Fact]
    public async Task A_resolver_error_nulls_its_field_only()
    {
        var response = await RunAsync("{ strictItems { name broken } }");

        var first = response.GetProperty("data").GetProperty("strictItems")[0];
        Assert.Equal("a", first.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("broken").ValueKind);
        Assert.Equal(3, response.GetProperty("errors").GetArrayLength());
        Assert.Equal("BROKEN", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Aliases_fragments_directives_and_variables_shape_the_result()
    {
        var response = await RunAsync(
            "query($skip: Boolean!, $text: String) { first: echo(text: $text) ...F plain: echo @skip(if: $skip) ... on Query @include(if: true) { t: __typename } } fragment F on Query { fallback: echo }",
            "{\"skip\": true, \"text\": \"hi\"}");

        Assert.Equal("{\"first\":\"hi\",\"fallback\":\"default\",\"t\":\"Query\"}", response.GetProperty("data").GetRawText());
    }

    [Theory]
    [InlineData("{ echo(text: 1) }")]
    [InlineData("query($x: Int) { echo(text: $x) }")]
    [InlineData("{ items { name } items: strictItems { name } }")]
    [InlineData("query A { echo } query A { echo }")]
    [InlineData("{ echo @skip(if: true) @skip(if: false) }")]
    [InlineData("query($unused: Int) { echo }")]
    [InlineData("{ items }")]
    [InlineData("type Foo { a: Int }")]
    public async Task Invalid_documents_are_refused_without_data(string query)
    {
        var response = await RunAsync(query);

        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
