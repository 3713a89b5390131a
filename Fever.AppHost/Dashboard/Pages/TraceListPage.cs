using Fever.AppHost.Dashboard.Telemetry;
using Fever.AppHost.Hosting;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// <c>/traces</c>: the newest traces, filtered by resource, text (name or trace id) and errors
/// (<c>?resource=&amp;text=&amp;errors=true</c>), each linking to its waterfall; traces.js fills and refreshes the table.
/// </summary>
internal static class TraceListPage
{
    public static DashboardPage Render(string? resource, string? text, bool? errors, TelemetryRepository telemetry, ResourceNotificationService notifications)
    {
        var resources = TelemetryResources.Names(notifications, telemetry.Logs.Resources().Union(telemetry.Metrics.Resources()));
        return new DashboardPage("Traces", DashboardSection.Traces, Html.Of($"""
            <h1>Traces</h1>
            <form id="filters" class="filters" method="get" action="/traces">
            {Controls.FilterSelect("resource", "Resource", [("", "All resources"), .. resources.Select(r => (r, r))], resource)}
            <label for="filter-text">Text
            <input type="search" id="filter-text" name="text" value="{text}" placeholder="Name or trace id">
            </label>
            <label class="check" for="filter-errors">
            <input type="checkbox" id="filter-errors" name="errors" value="true"{(errors == true ? Html.Of($" checked") : Html.Empty)}> Errors only
            </label>
            <span id="trace-count" class="note muted"></span>
            </form>
            <table>
            <thead><tr>
            <th scope="col">Time</th><th scope="col">Services</th><th scope="col">Name</th><th scope="col">Duration</th>
            <th scope="col" class="number">Spans</th><th scope="col" class="number">Errors</th>
            </tr></thead>
            <tbody id="traces"></tbody>
            </table>
            <p id="no-traces" class="empty" hidden>No traces match these filters.</p>
            <noscript><p class="notice">This page shows the traces with JavaScript; without it, read <a href="/api/telemetry/traces">/api/telemetry/traces</a>.</p></noscript>
            """), "traces.js");
    }
}
