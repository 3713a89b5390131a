using Fever.AppHost.Dashboard.Telemetry;
using Fever.AppHost.Hosting;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// <c>/structuredlogs</c>: the services' structured logs, newest first, filtered by resource, minimum level, text and
/// trace (<c>?resource=&amp;level=&amp;text=&amp;traceId=</c>); structured-logs.js fills and follows the table.
/// </summary>
internal static class StructuredLogsPage
{
    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static DashboardPage Render(
        string? resource, string? level, string? text, string? traceId, TelemetryRepository telemetry, ResourceNotificationService notifications)
    {
        var resources = TelemetryResources.Names(notifications, telemetry.Logs.Resources());
        return new DashboardPage("Structured logs", DashboardSection.StructuredLogs, Html.Of($"""
            <h1>Structured logs</h1>
            <form id="filters" class="filters" method="get" action="/structuredlogs">
            {Controls.FilterSelect("resource", "Resource", [("", "All resources"), .. resources.Select(r => (r, r))], resource)}
            {Controls.FilterSelect("level", "Minimum level", [("", "Any level"), .. Levels.Select(l => (l, l))], Levels.FirstOrDefault(l => l.Equals(level, StringComparison.OrdinalIgnoreCase)))}
            <label for="filter-text">Text
            <input type="search" id="filter-text" name="text" value="{text}" placeholder="In message, category or attributes">
            </label>
            {(string.IsNullOrEmpty(traceId) ? Html.Empty : TraceFilter(traceId))}
            <span id="log-count" class="note muted"></span>
            </form>
            <table id="logs">
            <thead><tr>
            <th scope="col"><span class="visually-hidden">Attributes</span></th><th scope="col">Time</th><th scope="col">Resource</th>
            <th scope="col">Level</th><th scope="col">Message</th><th scope="col">Category</th><th scope="col">Trace</th>
            </tr></thead>
            </table>
            <p id="no-logs" class="empty" hidden>No structured logs match these filters.</p>
            <noscript><p class="notice">This page shows the logs with JavaScript; without it, read <a href="/api/telemetry/logs">/api/telemetry/logs</a>.</p></noscript>
            """), "structured-logs.js");
    }

    private static Html TraceFilter(string traceId) => Html.Of($"""
        <input type="hidden" name="traceId" value="{traceId}">
        <span class="note">Of trace <a class="mono" href="/traces/detail/{Uri.EscapeDataString(traceId)}">{traceId}</a>
        · <a href="/structuredlogs">all traces</a></span>
        """);
}
