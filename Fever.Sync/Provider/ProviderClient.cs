using System.Diagnostics;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Fever.Sync.Provider;

/// <summary>Asks the provider for its current feed, through the resilience handler of <see cref="ProviderResilience"/>.</summary>
public sealed class ProviderClient(HttpClient http, IOptions<ProviderOptions> options)
{
    public Uri FeedUrl => options.Value.Url;

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
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/xml");
            request.SetResilienceContext(context);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException
                                                  or BrokenCircuitException or IOException)
            {
                // A call the open circuit refused never left: it is not an attempt.
                var attempts = Attempts(context) - (exception is BrokenCircuitException ? 1 : 0);
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
                    $"Provider at {url} answered HTTP {status} after {Attempts(context)} attempt(s).", Attempts(context), status);
            }
            return new ProviderResponse(response, Attempts(context));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static int Attempts(ResilienceContext context) => context.Properties.GetValue(ProviderResilience.Attempts, 1);
}
