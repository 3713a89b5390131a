using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Hosting;

namespace Fever.AppHost.Hosting;

/// <summary>Once every resource is healthy (or one has failed for good), prints what runs where and the links a person wants.</summary>
internal sealed class ReadyBanner(DistributedApplication app, ResourceNotificationService notifications) : BackgroundService
{
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var settled = await Task.WhenAll(app.Resources.Select(resource =>
                notifications.WaitForResourceAsync(resource.Name, s => s.IsHealthy || KnownResourceStates.IsTerminal(s.State), stoppingToken)));
            Console.Out.Write(Describe(settled.SelectMany(s => s).ToList()));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private string Describe(IReadOnlyList<ResourceSnapshot> snapshots)
    {
        var failed = snapshots.Where(s => !s.IsHealthy).ToList();
        var text = new StringBuilder().AppendLine();
        text.AppendLine(failed.Count == 0
            ? $"Fever is ready ({_sinceStart.Elapsed.TotalSeconds:0.0} s after the AppHost started)."
            : $"Fever started with failures: {string.Join(", ", failed.Select(s => $"{s.Name} is {s.State}"))}.");
        foreach (var resource in app.Resources.OfType<Resource>())
        {
            if (resource is IResourceWithServiceDiscovery service && resource.Links.Count > 0 && service.GetEndpointAsync().IsCompletedSuccessfully)
                foreach (var link in resource.Links)
                    text.AppendLine($"  {link.Text,-12}{link.Resolve(service.GetEndpointAsync().Result)}");
        }
        text.AppendLine($"  {"Resources",-12}{new Uri(app.DashboardUrl, "api/resources")}");
        text.AppendLine();
        foreach (var snapshot in snapshots)
            text.AppendLine($"  {snapshot.Name,-10}{snapshot.State,-14}{snapshot.Health?.ToString() ?? "",-10}{snapshot.Urls.FirstOrDefault()}  {snapshot.Message}".TrimEnd());
        text.AppendLine().AppendLine("Press Ctrl+C to stop everything.").AppendLine();
        return text.ToString();
    }
}
