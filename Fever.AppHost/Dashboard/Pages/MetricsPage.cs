using Fever.AppHost.Dashboard.Telemetry;
using Fever.AppHost.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// <c>/metrics/resource/{name}?instrument=</c>: a resource's instruments grouped by meter and, for the chosen one,
/// its charts and the latest figures of each series, drawn and refreshed by metrics.js; <c>/metrics</c> asks which resource.
/// </summary>
internal static class MetricsPage
{
    public static DashboardPage Render(string? name, string? instrument, TelemetryRepository telemetry, ResourceNotificationService notifications)
    {
        var resources = TelemetryResources.Names(notifications, telemetry.Metrics.Resources());
        var picker = Controls.NavigationPicker("resource", "Resource", resources.Select(r => (r, PathOf(r))), name is null ? null : PathOf(name));
        if (name is null)
            return Page("Metrics", picker, Controls.Notice("Choose a resource to see its metrics."));
        if (!resources.Contains(name) && notifications.GetSnapshots().All(s => s.Name != name))
            return Page("Metrics", picker, Controls.Notice($"There is no resource named '{name}'. Choose one of the list.", error: true))
                with { StatusCode = StatusCodes.Status404NotFound };

        var instruments = telemetry.Metrics.Instruments(name);
        if (instruments.Count == 0)
            return Page($"{name} metrics", picker, Controls.Notice($"{name} has reported no metrics (yet): the projects export theirs every second."));
        var selected = instruments.FirstOrDefault(i => i.Name == instrument);
        var chosen = selected is not null ? Chart(name, selected)
            : instrument is null ? Controls.Notice("Choose an instrument.")
            : Controls.Notice($"{name} has reported no instrument named '{instrument}'.", error: true);
        var page = Page($"{name} metrics", picker, Html.Of($"""
            <div class="metrics">
            <nav class="instruments" aria-label="Instruments of {name}">{instruments.GroupBy(i => i.Meter).Select(meter => Html.Of($"""
                <h2>{Controls.BreakAtDots(meter.Key)}</h2>
                <ul>{meter.Select(i => InstrumentLink(name, i, i == selected))}</ul>
                """))}</nav>
            <section>{chosen}</section>
            </div>
            """));
        return selected is null && instrument is not null ? page with { StatusCode = StatusCodes.Status404NotFound } : page;
    }

    private static Html InstrumentLink(string resource, InstrumentSummary instrument, bool selected)
    {
        var path = $"{PathOf(resource)}?instrument={Uri.EscapeDataString(instrument.Name)}";
        return selected
            ? Html.Of($"""<li><a href="{path}" title="{instrument.Description}" aria-current="page">{Controls.BreakAtDots(instrument.Name)}</a></li>""")
            : Html.Of($"""<li><a href="{path}" title="{instrument.Description}">{Controls.BreakAtDots(instrument.Name)}</a></li>""");
    }

    private static Html Chart(string resource, InstrumentSummary instrument) => Html.Of($"""
        <h2>{instrument.Name}</h2>
        <p class="instrument-description">{instrument.Description} <span class="muted">· {instrument.Kind}{(instrument.Unit.Length > 0 ? $" · unit {instrument.Unit}" : "")} · {instrument.Meter}</span></p>
        <div id="panels" class="panels" data-resource="{resource}" data-instrument="{instrument.Name}"></div>
        <h2>Series</h2>
        <table>
        <thead><tr><th scope="col">Attributes</th><th scope="col">Latest</th></tr></thead>
        <tbody id="series"></tbody>
        </table>
        """);

    private static string PathOf(string name) => $"/metrics/resource/{Uri.EscapeDataString(name)}";

    private static DashboardPage Page(string title, Html picker, Html body) => new(title, DashboardSection.Metrics, Html.Of($"""
        <h1>Metrics</h1>
        <div class="filters">{picker}</div>
        {body}
        """), "metrics.js");
}
