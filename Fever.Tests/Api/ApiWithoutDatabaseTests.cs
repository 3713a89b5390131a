using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fever.Testing;
using Fever.Tests.GraphQL;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Api;

/// <summary>The API started while PostgreSQL is unreachable: up, not ready, and saying why (GraphQL's events too).</summary>
public sealed class ApiWithoutDatabaseTests
{
    [Fact]
    public async Task Before_its_first_snapshot_search_answers_503_in_the_envelope_graphql_a_field_error_and_health_says_why()
    {
        var nowhere = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=feverdb;Username=postgres;Password=x;Timeout=2";
        await using var api = ServiceProcess.Start("Fever.Api", new Dictionary<string, string> { ["ConnectionStrings__feverdb"] = nowhere });
        using var http = new HttpClient { BaseAddress = api.Url };
        await Eventually.WaitUntilAsync(async () => await ApiProcess.HealthAsync(http) == "Unhealthy", TimeSpan.FromSeconds(30), api);

        using var search = await http.GetAsync("/search");
        using var health = await http.GetAsync("/health");
        var snapshot = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("snapshot");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        await SearchContractTests.AssertErrorEnvelopeAsync(search, "snapshot_unavailable");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.StartsWith("No snapshot yet", snapshot.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
        var events = await new GraphQLClient(http).PostAsync("{ events { totalCount } }");
        Assert.Equal(["SNAPSHOT_UNAVAILABLE"], GraphQLClient.ErrorCodes(events));
        Assert.Equal(JsonValueKind.Null, events.GetProperty("data").GetProperty("events").ValueKind);
    }

    [Fact]
    public async Task Without_a_connection_string_it_refuses_to_start_and_says_what_is_missing()
    {
        await using var api = ServiceProcess.Start("Fever.Api", new Dictionary<string, string>());

        var exitCode = await api.Exited.WaitAsync(TimeSpan.FromSeconds(30)); // HasExited comes before the last output is read

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings__feverdb", api.Output);
    }
}
