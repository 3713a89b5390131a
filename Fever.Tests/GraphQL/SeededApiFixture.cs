using Fever.Data;
using Fever.Testing;
using Fever.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fever.Tests.GraphQL;

/// <summary>A PostgreSQL of its own with 150 <see cref="SeededEvents"/>, and the API process serving it.</summary>
public sealed class SeededApiFixture : IAsyncLifetime
{
    public const int EventCount = 150;

    public ThrowawayDatabase Database { get; private set; } = null!;
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public ServiceProcess Api { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public GraphQLClient GraphQL { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await ThrowawayDatabase.StartAsync("feverdb");
        DataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        await SeededEvents.InsertAsync(DataSource, SeededEvents.Generate(EventCount, seed: 42));
        Api = await ApiProcess.StartHealthyAsync(Database.ConnectionString, new Dictionary<string, string>
        {
            ["Mutations__ApiKey"] = "test-key",
            ["RateLimiting__Enabled"] = "false",
        });
        Http = new HttpClient { BaseAddress = Api.Url };
        GraphQL = new GraphQLClient(Http);
    }

    /// <summary>Waits until the API's snapshot serves <paramref name="item"/> (stored by <see cref="SeededEvents.InsertAsync"/>).</summary>
    public Task WaitUntilServedAsync(Event item) =>
        Eventually.WaitUntilAsync(async () =>
            (await GraphQL.DataAsync("query($id: UUID!) { eventById(id: $id) { id } }", new { id = item.Id })).GetProperty("eventById").ValueKind
                != System.Text.Json.JsonValueKind.Null,
            TimeSpan.FromSeconds(10), Api);

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Api is not null)
            await Api.DisposeAsync();
        if (DataSource is not null)
            await DataSource.DisposeAsync();
        if (Database is not null)
            await Database.DisposeAsync();
    }
}
