using System.Diagnostics;
using System.Text;
using Fever.AppHost.Dashboard;
using Microsoft.Extensions.Hosting;

namespace Fever.AppHost.Hosting;

/// <summary>Once every resource is healthy (or has failed for good, or after a minute), prints what runs where and the links a person wants.</summary>
internal sealed class ReadyBanner(DistributedApplication app, ResourceNotificationService notifications, DashboardOptions dashboard) : BackgroundService
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            patience.CancelAfter(Patience);
            try
            {
                await Task.WhenAll(app.Resources.Select(resource =>
                    notifications.WaitForResourceAsync(resource.Name, s => s.IsHealthy || KnownResourceStates.IsTerminal(s.State), patience.Token)));
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Not all healthy in time: say so rather than stay silent.
            }
            Console.Out.Write(Describe(notifications.GetSnapshots()));
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
            : $"Fever is not all healthy after {_sinceStart.Elapsed.TotalSeconds:0} s: {string.Join(", ", failed.Select(s => $"{s.Name} is {s.State}"))}.");
        foreach (var resource in app.Resources.OfType<Resource>())
        {
            var healthy = notifications.GetInstances(resource.Name).All(s => s.IsHealthy);
            if (healthy && resource is IResourceWithServiceDiscovery service && service.GetEndpointAsync().IsCompletedSuccessfully)
                foreach (var link in resource.Links)
                    text.AppendLine($"  {link.Text,-12}{link.Resolve(service.GetEndpointAsync().Result)}");
        }
        var dashboardUrl = BrowserDashboardUrl();
        text.AppendLine($"  {"Dashboard",-12}{dashboardUrl}");
        if (dashboard.Frontend.BrowserToken is { Length: > 0 } token)
            text.AppendLine($"  {"Log in",-12}{new Uri(dashboardUrl, $"login?t={Uri.EscapeDataString(token)}")}");
        text.AppendLine();
        foreach (var snapshot in snapshots)
            text.AppendLine($"  {snapshot.Name,-10}{snapshot.State,-14}{snapshot.Health?.ToString() ?? "",-10}{snapshot.Urls.FirstOrDefault()}  {snapshot.Message?.Split('\n')[0]}".TrimEnd());
        text.AppendLine().AppendLine("Press Ctrl+C to stop everything.").AppendLine();
        return text.ToString();
    }

    /// <summary>
    /// The dashboard as a browser should open it: the configured host (localhost for a wildcard) on the port it
    /// listens on. The login link must use the same host, or its cookie would not reach the pages.
    /// </summary>
    private Uri BrowserDashboardUrl()
    {
        var configured = new Uri(app.Options.DashboardUrl);
        var host = configured.Host is "*" or "+" or "0.0.0.0" or "[::]" ? "localhost" : configured.Host;
        return new UriBuilder(app.DashboardUrl) { Host = host }.Uri;
    }
}
