using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Fever.Api.GraphQL;
using Fever.Tests.Api;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.GraphQL;

/// <summary>
/// GraphQL's <c>events</c> and <c>/search</c> read one snapshot: answers made from the same version (GraphQL's
/// <c>Fever-Snapshot-Version</c> header, /search's ETag) hold the same events, also while a sync run rewrites them all.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GraphQLAgreesWithSearchTests(PostgresFixture postgres)
{
    private const string From = "2030-01-03T00:00:00Z";
    private const string To = "2030-01-07T23:59:59Z";

    private const string Page =
        $"{{ events(first: 50, startsAt: \"{From}\", endsAt: \"{To}\") {{ nodes {{ id title startsAt endsAt minPrice maxPrice }} pageInfo {{ hasNextPage }} }} }}";

    private sealed record Answer(string Endpoint, long Version, string Events);

    [Fact]
    public async Task Answers_of_the_same_snapshot_version_agree_while_a_sync_rewrites_every_event()
    {
        await using var served = await EditionsServed.StartAsync(postgres);
        var http = served.Http;

        var answers = new ConcurrentBag<Answer> { await SearchAsync(http), await GraphQLAsync(http) };
        using var stopReading = new CancellationTokenSource();
        var readers = new[] { SearchAsync, GraphQLAsync }.Select(read => Task.Run(async () =>
        {
            while (!stopReading.IsCancellationRequested)
                answers.Add(await read(http));
        })).ToList();
        var run = await served.Worker.RunAsync(); // rewrites every event's title and prices in one transaction
        await Eventually.WaitUntilAsync(() => Task.FromResult(
            answers.Where(a => a.Events.Contains("(second)")).Select(a => a.Endpoint).Distinct().Count() == 2), TimeSpan.FromSeconds(30));
        stopReading.Cancel();
        await Task.WhenAll(readers);
        answers.Add(await SearchAsync(http));
        answers.Add(await GraphQLAsync(http));

        Assert.Equal(EditionFeed.Events, run!.PlansUpdated);
        var versions = answers.GroupBy(a => a.Version).ToList();
        foreach (var version in versions)
        {
            var distinct = version.Select(a => a.Events).Distinct().ToList();
            Assert.True(distinct.Count == 1,
                $"Version {version.Key}: {string.Join(", ", version.GroupBy(a => a.Endpoint).Select(g => $"{g.Count()} {g.Key}"))} answers, " +
                $"{distinct.Count} different event lists:\n{string.Join("\n", distinct)}");
        }
        var pairedVersions = versions.Where(v => v.Select(a => a.Endpoint).Distinct().Count() == 2).Select(v => v.Key).ToList();
        Assert.True(pairedVersions.Count >= 2, $"Both endpoints answered together only from versions {string.Join(", ", pairedVersions)}.");
        Assert.Contains("(first)", versions.MinBy(v => v.Key)!.First().Events);
        Assert.Contains("(second)", versions.MaxBy(v => v.Key)!.First().Events);
    }

    private static async Task<Answer> SearchAsync(HttpClient http)
    {
        using var response = await http.GetAsync($"/search?starts_at={From}&ends_at={To}");
        response.EnsureSuccessStatusCode();
        var events = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("events").EnumerateArray()
            .Select(e => Line(e.GetProperty("id").GetString(), e.GetProperty("title").GetString(),
                $"{e.GetProperty("start_date").GetString()}T{e.GetProperty("start_time").GetString()}",
                $"{e.GetProperty("end_date").GetString()}T{e.GetProperty("end_time").GetString()}",
                e.GetProperty("min_price"), e.GetProperty("max_price")));
        return new Answer("/search", long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture), Lines(events));
    }

    private static async Task<Answer> GraphQLAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query = Page });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), $"GraphQL errors: {errors}");
        var page = body.GetProperty("data").GetProperty("events");
        Assert.False(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(), "The range holds more than one page.");
        var events = page.GetProperty("nodes").EnumerateArray()
            .Select(e => Line(e.GetProperty("id").GetString(), e.GetProperty("title").GetString(),
                e.GetProperty("startsAt").GetString()![..19], e.GetProperty("endsAt").GetString()![..19],
                e.GetProperty("minPrice"), e.GetProperty("maxPrice")));
        var version = response.Headers.GetValues(RequestSnapshot.HeaderName).Single();
        return new Answer("graphql", long.Parse(version, CultureInfo.InvariantCulture), Lines(events));
    }

    private static string Line(string? id, string? title, string start, string end, JsonElement minPrice, JsonElement maxPrice) =>
        $"{id} {title} {start} {end} {Price(minPrice)} {Price(maxPrice)}";

    private static string Price(JsonElement price) =>
        price.ValueKind == JsonValueKind.Null ? "null" : price.GetDecimal().ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Lines(IEnumerable<string> events)
    {
        var lines = events.ToList();
        Assert.NotEmpty(lines);
        return string.Join("\n", lines);
    }
}
