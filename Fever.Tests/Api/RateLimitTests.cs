using System.Net;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Api;

[Collection(SampleApiCollection.Name)]
public sealed class RateLimitTests(SampleApiFixture fixture)
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_in_the_error_envelope_with_retry_after()
    {
        await using var api = await ApiProcess.StartHealthyAsync(fixture.ConnectionString, new Dictionary<string, string>
        {
            ["RateLimiting__ExemptLoopback"] = "false",
            ["RateLimiting__PermitsPerSecond"] = "1",
            ["RateLimiting__Burst"] = "3",
        });
        using var http = new HttpClient { BaseAddress = api.Url };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await http.GetAsync("/search");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                limited = response;
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(", ", statuses));
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var message = await SearchContractTests.AssertErrorEnvelopeAsync(limited, "rate_limited");
        Assert.Contains("1 per second", message);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode); // health probes are not limited
    }

    [Fact]
    public async Task Loopback_clients_are_not_limited_by_default()
    {
        var statuses = await Task.WhenAll(Enumerable.Range(0, 400).Select(async _ => (await fixture.Http.GetAsync("/search")).StatusCode));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
