using System.Diagnostics;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Fever.Sync.Provider;

/// <summary>Asks the provider for its current feed through <see cref="ProviderResilience"/>.</summary>
public sealed class ProviderClient(HttpClient http, ProviderResilience resilience, IOptions<ProviderOptions> options)
{
    public Uri FeedUrl => options.Value.Url
        ?? throw new InvalidOperationException("Provider:Url is not configured (nor services__provider__http__0).");

    /// <summary>
    /// Returns once a 2xx answer's headers have arrived. Throws <see cref="ProviderUnavailableException"/>
    /// when no attempt succeeded within the budget or the circuit is open. Traced as "fetch", with the attempts made.
    /// </summary>
    public async Task<ProviderResponse> FetchAsync(CancellationToken cancellationToken)
    {
        using var activity = SyncTelemetry.Source.StartActivity("fetch");
        try
        {
            var response = await SendAsync(cancellationToken);
            activity?.SetTag("fever.sync.attempts", response.Attempts);
            return response;
        }
        catch (Exception exception)
        {
            activity?.SetTag("fever.sync.attempts", (exception as ProviderUnavailableException)?.Attempts)
                .SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    private async Task<ProviderResponse> SendAsync(CancellationToken cancellationToken)
    {
        var url = FeedUrl;
        var attempts = 0;
        HttpResponseMessage response;
        try
        {
            response = await resilience.Pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.ParseAdd("application/xml");
                return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            }, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException
                                              or BrokenCircuitException or IOException)
        {
            var reason = exception switch
            {
                BrokenCircuitException => "the circuit is open after repeated failures",
                TimeoutRejectedException => "no answer within the time budget",
                _ => exception.Message,
            };
            throw new ProviderUnavailableException(
                $"Provider at {url} unavailable after {attempts} attempt(s): {reason}.", attempts, null, exception);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ProviderUnavailableException(
                $"Provider at {url} answered HTTP {status} after {attempts} attempt(s).", attempts, status);
        }
        return new ProviderResponse(response, attempts);
    }
}
