using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fever.Testing;
using Fever.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Fever.Tests.Browser;

/// <summary>
/// Banana Cake Pop as a person uses it: Debian's Chromium on the real API process (run from its build output) over
/// PostgreSQL synced by the real worker from the provider's samples.
/// </summary>
[Collection(SampleApiCollection.Name)]
public sealed class BananaCakePopBrowserTests(SampleApiFixture fixture, ITestOutputHelper output)
{
    private const string Query = "{ events(first: 3) { nodes { title startsAt } } }";

    private Uri GraphQLEndpoint => new(fixture.Api.Url, "/graphql");

    [Fact]
    public async Task The_api_serves_the_ide_from_its_build_output_pointed_at_its_own_endpoint()
    {
        var index = await fixture.Http.GetStringAsync("/graphql/");
        using var script = await fixture.Http.GetAsync("/graphql/static/js/main.0349187e.js");
        var config = await fixture.Http.GetFromJsonAsync<JsonElement>("/graphql/bcp-config.json");

        Assert.Contains("static/js/main.0349187e.js", index);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(GraphQLEndpoint.ToString(), config.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task A_query_typed_into_the_ide_runs_on_our_endpoint_and_its_events_are_shown()
    {
        var titles = await TitlesAnsweredAsync();
        Assert.Equal(3, titles.Count);
        Assert.Subset(await StoredTitlesAsync(), titles.ToHashSet());
        var screenshot = Path.Combine(RepositoryPaths.Root, "TestResults", "Browser", "bananacakepop-query.png");

        var run = await BrowserScript.RunAsync("bananacakepop-query.mjs",
            ["--url", GraphQLEndpoint.ToString(), "--query", Query, "--expect", "\"nodes\"", .. titles.SelectMany(t => new[] { "--expect", t }), "--screenshot", screenshot],
            TimeSpan.FromMinutes(3));
        output.WriteLine($"Screenshot: {screenshot}");
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, $"Banana Cake Pop did not show the answer ({run.Outcome}); screenshot {screenshot}:\n{run.Output}");
        Assert.Equal(GraphQLEndpoint.ToString(), run.Outcome.GetProperty("config").GetProperty("endpoint").GetString());
        Assert.Equal("Fever GraphQL", run.Outcome.GetProperty("config").GetProperty("title").GetString());
        Assert.Equal(GraphQLEndpoint.ToString(), run.Outcome.GetProperty("introspection").GetProperty("url").GetString());
        Assert.Equal(200, run.Outcome.GetProperty("introspection").GetProperty("status").GetInt32());
        Assert.True(File.Exists(screenshot));
    }

    /// <summary>What the endpoint itself answers to <see cref="Query"/>: the titles the IDE must then show.</summary>
    private async Task<List<string>> TitlesAnsweredAsync()
    {
        using var response = await fixture.Http.PostAsJsonAsync(GraphQLEndpoint, new { query = Query });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /graphql answered {(int)response.StatusCode}: {body}");
        using var answer = JsonDocument.Parse(body);
        return answer.RootElement.GetProperty("data").GetProperty("events").GetProperty("nodes").EnumerateArray()
            .Select(node => node.GetProperty("title").GetString()!).ToList();
    }

    private async Task<HashSet<string>> StoredTitlesAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT title FROM events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var titles = new HashSet<string>();
        while (await reader.ReadAsync())
            titles.Add(reader.GetString(0));
        return titles;
    }
}
