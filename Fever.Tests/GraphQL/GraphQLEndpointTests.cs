using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.GraphQL;

/// <summary>The transport, the limits that refuse hostile documents, the schema's own doors (SDL, mutations), against the real API process.</summary>
public sealed class GraphQLEndpointTests(SeededApiFixture fixture) : IClassFixture<SeededApiFixture>
{
    public static TheoryData<string, string> HostileDocuments()
    {
        var deep = new StringBuilder("{ ");
        for (var i = 0; i < 40; i++)
            deep.Append("a { ");
        var introspection = "{ __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 17));
        var aliases = new StringBuilder("{ ");
        for (var i = 0; i < 1_000; i++)
            aliases.Append($"a{i}: __typename ");
        var fanOut = new StringBuilder("query { ...F0 } ");
        for (var i = 0; i < 30; i++)
            fanOut.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ");
        fanOut.Append("fragment F30 on Query { __typename }");
        var tokens = "{ events(where: {title: {in: [" + string.Concat(Enumerable.Repeat("\"a\" ", 6_000)) + "]}}) { totalCount } }";
        var costly = new StringBuilder("{ ");
        for (var i = 0; i < 4; i++)
            costly.Append($"e{i}: events(first: 50) {{ edges {{ cursor node {{ id title startsAt endsAt startDate startTime endDate endTime minPrice maxPrice soldOut sellFrom sellTo organizerCompanyId basePlanId planId zones {{ zoneId name capacity price numbered }} }} }} }} ");
        costly.Append('}');
        var nestedList = "{ events(where: {title: {in: " + new string('[', 100) + new string(']', 100) + "}}) { totalCount } }";
        return new TheoryData<string, string>
        {
            { deep + "a" + new string('}', 41), "MAX_DEPTH_EXCEEDED" },
            { introspection + "name" + new string('}', introspection.Count(c => c == '{')), "MAX_DEPTH_EXCEEDED" },
            { aliases + "}", "MAX_FIELDS_EXCEEDED" },
            { fanOut.ToString(), "MAX_FIELDS_EXCEEDED" },
            { tokens, "MAX_TOKENS_EXCEEDED" },
            { nestedList, "MAX_DEPTH_EXCEEDED" },
            { costly.ToString(), "MAX_COST_EXCEEDED" },
            { "{ title: \"" + new string('x', 40_000) + "\" }", "DOCUMENT_TOO_LARGE" },
            { "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }", "GRAPHQL_VALIDATION_FAILED" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public async Task Hostile_documents_are_refused_with_a_code_and_the_server_stays_healthy(string document, string code)
    {
        var response = await fixture.GraphQL.PostAsync(document);

        Assert.Contains(code, GraphQLClient.ErrorCodes(response));
        Assert.False(response.TryGetProperty("data", out _));
        Assert.Equal("Healthy", await ApiProcess.HealthAsync(fixture.Http));
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_is_refused_before_it_is_read_whole()
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query = "{ __typename }", variables = new { pad = new string('x', 300_000) } }),
            Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PostAsync("/graphql", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("application/graphql-response+json", "{ nope }", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{ nope }", HttpStatusCode.OK)]
    [InlineData("application/graphql-response+json", "{ __typename", HttpStatusCode.BadRequest)]
    [InlineData("application/graphql-response+json", "{ __typename }", HttpStatusCode.OK)]
    [InlineData("*/*", "{ __typename }", HttpStatusCode.OK)]
    public async Task Status_codes_follow_graphql_over_http(string accept, string query, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd(accept);
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(accept == "*/*" ? "application/json" : accept, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Get_runs_queries_but_never_mutations()
    {
        var query = await fixture.Http.GetFromJsonAsync<JsonElement>("/graphql?query=" + Uri.EscapeDataString("query($n: Int) { events(first: $n) { nodes { id } } }")
            + "&variables=" + Uri.EscapeDataString("{\"n\": 2}"));
        Assert.Equal(2, query.GetProperty("data").GetProperty("events").GetProperty("nodes").GetArrayLength());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { requestSync { requestedAt } }"));
        request.Headers.Add("X-Api-Key", "test-key");
        using var mutation = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
    }

    [Theory]
    [InlineData(null, "AUTH_NOT_AUTHORIZED")]
    [InlineData("wrong", "AUTH_NOT_AUTHORIZED")]
    [InlineData("test-key", null)]
    public async Task RequestSync_needs_the_api_key(string? key, string? code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "mutation { requestSync { requestedAt } }" }) };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        if (code is null)
            Assert.Equal(JsonValueKind.String, body.GetProperty("data").GetProperty("requestSync").GetProperty("requestedAt").ValueKind);
        else
            Assert.Equal([code], GraphQLClient.ErrorCodes(body));
    }

    [Fact]
    public async Task The_sdl_lists_the_hot_chocolate_shaped_types()
    {
        var sdl = await fixture.Http.GetStringAsync("/graphql?sdl");

        Assert.Contains("events(", sdl);
        Assert.Contains("): EventsConnection", sdl);
        Assert.Contains("input EventFilterInput {", sdl);
        Assert.Contains("input StringOperationFilterInput {", sdl);
        Assert.Contains("enum SortEnumType {", sdl);
        Assert.Contains("scalar UUID @specifiedBy(url: \"https://tools.ietf.org/html/rfc4122\")", sdl);
    }

    [Fact]
    public async Task An_event_reads_every_stored_field_and_eventById_finds_it()
    {
        var events = await fixture.GraphQL.DataAsync(
            "{ events(first: 1, where: {minPrice: {neq: null}}) { nodes { id title startsAt endsAt startDate startTime endDate endTime minPrice maxPrice soldOut sellFrom sellTo organizerCompanyId basePlanId planId firstSeenAt lastSeenAt updatedAt zones { zoneId name capacity price numbered } } } }");
        var node = events.GetProperty("events").GetProperty("nodes")[0];
        var id = node.GetProperty("id").GetString();

        var byId = await fixture.GraphQL.DataAsync("query($id: UUID!) { eventById(id: $id) { id title startsAt zones { price } } }", new { id });

        Assert.Equal(id, byId.GetProperty("eventById").GetProperty("id").GetString());
        Assert.Equal(node.GetProperty("startsAt").GetString(), byId.GetProperty("eventById").GetProperty("startsAt").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", node.GetProperty("startsAt").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", node.GetProperty("startDate").GetString());
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}$", node.GetProperty("startTime").GetString());
        Assert.Equal(node.GetProperty("minPrice").GetDecimal(), node.GetProperty("zones")[0].GetProperty("price").GetDecimal());
        Assert.Equal(JsonValueKind.Null, (await fixture.GraphQL.DataAsync($"{{ eventById(id: \"{Guid.NewGuid()}\") {{ id }} }}")).GetProperty("eventById").ValueKind);
    }

    [Fact]
    public async Task Bad_variables_are_a_request_error_naming_the_variable()
    {
        var response = await fixture.GraphQL.PostAsync("query($id: UUID!) { eventById(id: $id) { id } }", new { id = "not-a-uuid" });

        Assert.Equal(["BAD_USER_INPUT"], GraphQLClient.ErrorCodes(response));
        Assert.Contains("$id", response.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.False(response.TryGetProperty("data", out _));
    }
}
