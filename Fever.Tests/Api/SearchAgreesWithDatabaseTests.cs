using System.IO.Compression;
using System.Text.Json;
using Fever.ProviderSimulator;
using Fever.Tests.Infrastructure;
using Npgsql;

namespace Fever.Tests.Api;

/// <summary>On a generated feed of a thousand events, /search agrees with the same query in SQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SearchAgreesWithDatabaseTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Random_ranges_give_what_postgres_gives_in_the_same_order_and_large_answers_are_compressed()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using (var provider = await EmbeddedProviderSimulator.StartAsync(new ProviderSimulatorOptions
        {
            Generated = new GeneratedFeedOptions { BasePlans = 250, PlansPerBase = 4, ZonesPerPlan = 2 },
        }))
        await using (var worker = new SyncWorkerHost(connectionString, provider.FeedUrl))
            await worker.RunAsync();
        await using var api = await ApiProcess.StartHealthyAsync(connectionString);
        using var http = new HttpClient { BaseAddress = api.Url };
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var (first, last) = await StartRangeAsync(dataSource);
        var random = new Random(7);

        for (var i = 0; i < 150; i++)
        {
            var from = first.AddMinutes(random.NextInt64(-60 * 24, (long)(last - first).TotalMinutes));
            var to = from.AddMinutes(random.Next(0, 60 * 24 * 30 * (1 + i % 12)));
            var expected = await IdsAsync(dataSource, "starts_at >= $1 AND ends_at <= $2", from, to);

            var served = await SearchIdsAsync(http, $"?starts_at={from:yyyy-MM-ddTHH:mm:ss}Z&ends_at={to:yyyy-MM-ddTHH:mm:ss}Z");

            Assert.Equal(expected, served);
        }
        var all = await IdsAsync(dataSource, "true", DateTime.MinValue, DateTime.MinValue);
        Assert.Equal(1_000, all.Count);
        Assert.Equal(all, await SearchIdsAsync(http, ""));

        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/search");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await http.SendAsync(request);
            Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
            await using Stream decompressed = encoding == "br"
                ? new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress)
                : new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            Assert.Equal(all, Ids(await new StreamReader(decompressed).ReadToEndAsync()));
        }
    }

    private static async Task<List<string>> SearchIdsAsync(HttpClient http, string query) => Ids(await http.GetStringAsync("/search" + query));

    private static List<string> Ids(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("id").GetString()!).ToList();

    private static async Task<(DateTime First, DateTime Last)> StartRangeAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT min(starts_at), max(ends_at) FROM events");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDateTime(0), reader.GetDateTime(1));
    }

    private static async Task<List<string>> IdsAsync(NpgsqlDataSource dataSource, string condition, DateTime from, DateTime to)
    {
        await using var command = dataSource.CreateCommand($"SELECT id::text FROM events WHERE {condition} ORDER BY starts_at, id");
        if (condition.Contains("$1"))
            command.Parameters.Add(new() { Value = from });
        if (condition.Contains("$2"))
            command.Parameters.Add(new() { Value = to });
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }
}
