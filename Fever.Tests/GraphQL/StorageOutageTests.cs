using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Fever.Data;
using Fever.Testing;
using Fever.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fever.Tests.GraphQL;

/// <summary>
/// With PostgreSQL gone, GraphQL answers a clear field error (HTTP 200, data null) while /search keeps serving its
/// snapshot; also when the port then accepts connections and never answers (a hung server, a black-holed host).
/// </summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task Events_fail_with_storage_unavailable_and_search_still_answers()
    {
        var database = await ThrowawayDatabase.StartAsync("feverdb");
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await SeededEvents.InsertAsync(dataSource, SeededEvents.Generate(5, seed: 1));
        }
        await using var api = await ApiProcess.StartHealthyAsync(database.ConnectionString);
        using var http = new HttpClient { BaseAddress = api.Url };
        var graphQL = new GraphQLClient(http);
        Assert.Equal(5, (await graphQL.DataAsync("{ events { totalCount } }")).GetProperty("events").GetProperty("totalCount").GetInt32());

        await database.DisposeAsync();
        using var silent = new TcpListener(IPAddress.Loopback, database.Server.Port);
        silent.Start();
        var held = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
                held.Add(await silent.AcceptTcpClientAsync());
        });

        foreach (var attempt in new[] { "first request", "second request, in the rest after a failure" })
        {
            var response = await graphQL.PostAsync("{ events { totalCount } syncStatus { lastSucceededAt } }");

            Assert.True(GraphQLClient.ErrorCodes(response) is ["STORAGE_UNAVAILABLE", "STORAGE_UNAVAILABLE"], $"{attempt}: {response}");
            Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("events").ValueKind);
        }
        var search = JsonDocument.Parse(await http.GetStringAsync("/search")).RootElement;
        Assert.Equal(5, search.GetProperty("data").GetProperty("events").GetArrayLength());
    }
}
