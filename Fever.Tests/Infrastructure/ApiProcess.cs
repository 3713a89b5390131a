using System.Net.Http.Json;
using System.Text.Json;
using Fever.Testing;

namespace Fever.Tests.Infrastructure;

/// <summary>Fever.Api as deployed: its own process, configured by Aspire-style environment variables.</summary>
public static class ApiProcess
{
    /// <summary>Starts the API on <paramref name="connectionString"/> and waits until <c>/health</c> says Healthy.</summary>
    public static async Task<ServiceProcess> StartHealthyAsync(string connectionString, IDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__feverdb"] = connectionString };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            environment[name] = value;
        var api = ServiceProcess.Start("Fever.Api", environment);
        try
        {
            using var http = new HttpClient { BaseAddress = api.Url };
            await Eventually.WaitUntilAsync(async () => await HealthAsync(http) == "Healthy", TimeSpan.FromSeconds(60), api);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>The overall status of <c>/health</c>, or null if the API does not answer.</summary>
    public static async Task<string?> HealthAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health");
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            return report.GetProperty("status").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
