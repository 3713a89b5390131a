using System.Net.Http.Json;
using System.Text.Json;
using Fever.AppHost.Hosting;
using Fever.AppHost.Hosting.Testing;

namespace Fever.Tests.AppHost;

/// <summary>The AppHost's own model, built and started through the testing builder, as a test uses it.</summary>
public static class RunningApp
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Builds the app of Fever.AppHost's Program.cs with <paramref name="args"/>, lets the test change it, starts it and waits until the API is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(string[]? args = null, Action<DistributedApplicationBuilder>? configure = null)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Fever_AppHost>(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        try
        {
            await app.StartAsync();
            using var timeout = new CancellationTokenSource(StartTimeout);
            await WaitHealthyAsync(app, "api", timeout.Token);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the resource to be healthy; on failure, the message carries every resource's state and last output.</summary>
    public static async Task WaitHealthyAsync(DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ResourceFailedException)
        {
            throw new TimeoutException($"{name} did not become healthy: {exception.Message}\n{Describe(app)}", exception);
        }
    }

    public static string Describe(DistributedApplication app) =>
        string.Join("\n", app.ResourceNotifications.GetSnapshots().Select(s =>
            $"--- {s.Name}: {s.State} {s.Health} {s.Message}\n{string.Join('\n', app.ResourceLogs.GetLogs(s.Name).TakeLast(20).Select(l => l.Text))}"));

    /// <summary>The ids of the events <c>/search</c> returns for the samples' year.</summary>
    public static async Task<string[]> SearchIdsAsync(HttpClient http)
    {
        var answer = await http.GetFromJsonAsync<JsonElement>("/search?starts_at=2021-01-01T00:00:00Z&ends_at=2021-12-31T23:59:59Z");
        return answer.GetProperty("data").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
    }
}
