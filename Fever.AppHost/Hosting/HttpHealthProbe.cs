using System.Text.Json;

namespace Fever.AppHost.Hosting;

/// <summary>
/// <c>GET {instance}{path}</c>: a 2xx is healthy, unless its JSON body says <c>"status":"Degraded"</c> (our
/// services' health report); anything else, or no answer within five seconds, is unhealthy.
/// </summary>
internal sealed class HttpHealthProbe(string path) : IHealthProbe
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    public string Path { get; } = path;

    public async Task<HealthStatus> CheckAsync(ResourceInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Url is null)
            return HealthStatus.Unhealthy;
        try
        {
            using var response = await Http.GetAsync(new Uri(instance.Url, Path), cancellationToken);
            if (!response.IsSuccessStatusCode)
                return HealthStatus.Unhealthy;
            return await ReportedStatusAsync(response, cancellationToken) == "Degraded" ? HealthStatus.Degraded : HealthStatus.Healthy;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthStatus.Unhealthy;
        }
    }

    private static async Task<string?> ReportedStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            return null;
        try
        {
            using var report = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return report.RootElement.TryGetProperty("status", out var status) ? status.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
