using System.Net;
using Fever.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fever.Tests.Api;

/// <summary>The API's error handling on a real Kestrel server, with a route that fails as a bug would.</summary>
public sealed class ErrorEnvelopeTests
{
    [Fact]
    public async Task An_unexpected_failure_is_a_500_in_the_error_envelope_without_its_details()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseErrorEnvelope();
        app.MapGet("/search", string () => throw new InvalidOperationException("secret detail at Fever.Internal.Thing()"));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await http.GetAsync("/search");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var message = await SearchContractTests.AssertErrorEnvelopeAsync(response, "internal_error");
        Assert.DoesNotContain("secret detail", message);
        Assert.Contains("request id", message);
        await app.StopAsync();
    }
}
