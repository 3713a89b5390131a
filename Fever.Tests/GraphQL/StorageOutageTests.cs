using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Fever.Testing;
using Fever.Tests.Infrastructure;
using Npgsql;

namespace Fever.Tests.GraphQL;

/// <summary>
/// With PostgreSQL gone, <c>events</c> and <c>eventById</c> answer from the snapshot exactly as before, while the fields
/// that need PostgreSQL (<c>syncStatus</c>) get a clear field error (HTTP 200, the rest of the data intact); also when the
/// port then accepts connections and never answers (a hung server, a black-holed host).
/// </summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Events_answer_exactly_as_before_and_only_sync_status_fails_with_storage_unavailable()
    {
        var database = await ThrowawayDatabase.StartAsync("feverdb");
        var seeded = SeededEvents.Generate(30, seed: 1);
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await SeededEvents.InsertAsync(dataSource, seeded);
        }
        await using var api = await ApiProcess.StartHealthyAsync(database.ConnectionString);
        using var http = new HttpClient { BaseAddress = api.Url };
        var graphQL = new GraphQLClient(http);
        var page = (await graphQL.DataAsync("{ events(first: 4, order: [{minPrice: DESC}]) { pageInfo { endCursor } } }"))
            .GetProperty("events").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        string[] queries =
        [
            "{ events { totalCount nodes { id title startsAt endsAt minPrice maxPrice soldOut zones { name price } } pageInfo { hasNextPage endCursor } } }",
            $"{{ events(first: 5, after: \"{page}\", order: [{{minPrice: DESC}}], where: {{or: [{{soldOut: {{eq: true}}}}, {{title: {{contains: \"night\"}}}}]}}) {{ totalCount edges {{ cursor node {{ id minPrice }} }} }} }}",
            $"{{ eventById(id: \"{seeded[7].Id}\") {{ id title sellFrom sellTo organizerCompanyId lastSeenAt zones {{ zoneId capacity }} }} }}",
        ];
        var before = new List<string>();
        foreach (var query in queries)
            before.Add(await BodyAsync(http, query));

        await database.DisposeAsync();
        foreach (var (query, i) in queries.Select((q, i) => (q, i)))
            Assert.Equal(before[i], await BodyAsync(http, query));
        await AssertOnlySyncStatusFailsAsync(graphQL, seeded.Count, "PostgreSQL stopped");

        using var silent = new TcpListener(IPAddress.Loopback, database.Server.Port);
        silent.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
                held.Add(await silent.AcceptTcpClientAsync());
        });
        await AssertOnlySyncStatusFailsAsync(graphQL, seeded.Count, "PostgreSQL's port silent");
        foreach (var (query, i) in queries.Select((q, i) => (q, i)))
            Assert.Equal(before[i], await BodyAsync(http, query));
        var search = JsonDocument.Parse(await http.GetStringAsync("/search")).RootElement;
        Assert.Equal(seeded.Count, search.GetProperty("data").GetProperty("events").GetArrayLength());
    }

    private static async Task AssertOnlySyncStatusFailsAsync(GraphQLClient graphQL, int events, string situation)
    {
        var response = await graphQL.PostAsync("{ events { totalCount } syncStatus { lastSucceededAt } }");

        Assert.True(GraphQLClient.ErrorCodes(response) is ["STORAGE_UNAVAILABLE"], $"{situation}: {response}");
        Assert.Equal("[\"syncStatus\",\"lastSucceededAt\"]", response.GetProperty("errors")[0].GetProperty("path").GetRawText());
        Assert.Equal(events, response.GetProperty("data").GetProperty("events").GetProperty("totalCount").GetInt32());
    }

    private static async Task<string> BodyAsync(HttpClient http, string query)
    {
        using var response = await http.PostAsync("/graphql", JsonContent.Create(new { query }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
