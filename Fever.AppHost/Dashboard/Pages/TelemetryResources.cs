using Fever.AppHost.Hosting;

namespace Fever.AppHost.Dashboard.Pages;

internal static class TelemetryResources
{
    /// <summary>
    /// The resources a telemetry filter offers: the project instances of the model (they export telemetry), in the
    /// model's order, then any other resource the telemetry names.
    /// </summary>
    public static IReadOnlyList<string> Names(ResourceNotificationService notifications, IEnumerable<string> reported) =>
        notifications.GetSnapshots().Where(s => s.ResourceType == "Project").Select(s => s.Name)
            .Concat(reported.Order(StringComparer.Ordinal))
            .Distinct()
            .ToList();
}
