using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fever.ProviderSimulator;
using Fever.Testing;
using Fever.Tests.Infrastructure;

namespace Fever.Tests.Simulator;

/// <summary>The simulator as the AppHost starts it: its own process, configured by environment variables.</summary>
public sealed class ProviderSimulatorProcessTests
{
    private const string Project = "Fever.ProviderSimulator";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Alone_it_serves_the_samples_fails_every_second_call_as_configured_and_reports_its_counters_and_health()
    {
        await using var simulator = ServiceProcess.Start(Project, new Dictionary<string, string> { ["Simulator__FailEvery"] = "2" });
        using var http = new HttpClient { BaseAddress = simulator.Url };
        await Eventually.WaitUntilAsync(async () => await StatusCodeAsync(http, "/health") == HttpStatusCode.OK, StartTimeout, simulator);

        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (var call = 1; call <= 6; call++)
        {
            using var response = await http.GetAsync("/api/events");
            answers.Add((response.StatusCode, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync())));
        }

        var samples = ProviderSamples.Load().Select(sample => Encoding.UTF8.GetString(sample.Span)).ToList();
        Assert.Equal(
            [(HttpStatusCode.OK, samples[0]), (HttpStatusCode.ServiceUnavailable, ""), (HttpStatusCode.OK, samples[1]),
             (HttpStatusCode.ServiceUnavailable, ""), (HttpStatusCode.OK, samples[2]), (HttpStatusCode.ServiceUnavailable, "")],
            answers);
        Assert.Equal(new SimulatorStatus(6, 3, 3, "samples"), await http.GetFromJsonAsync<SimulatorStatus>("/simulator/status"));
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(0, await simulator.StopAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task An_impossible_setting_stops_the_start_and_is_named()
    {
        await using var simulator = ServiceProcess.Start(Project, new Dictionary<string, string> { ["Simulator__FailureRate"] = "1.5" });

        var exitCode = await simulator.Exited.WaitAsync(StartTimeout); // HasExited comes before the last output is read

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Simulator:FailureRate must be between 0 and 1, not 1.5.", simulator.Output);
    }

    /// <summary>The status code of a GET, or null while nothing answers.</summary>
    private static async Task<HttpStatusCode?> StatusCodeAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
