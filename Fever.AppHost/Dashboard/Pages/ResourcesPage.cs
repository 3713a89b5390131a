namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// <c>/</c>: every resource instance with its state, health, start time, restarts, URLs and message, refreshed live
/// by resources.js, with Stop, Start and Restart for project instances.
/// </summary>
internal static class ResourcesPage
{
    public static DashboardPage Render() => new("Resources", DashboardSection.Resources, Html.Of($"""
        <h1>Resources</h1>
        <p id="command-status" class="status-line" role="status"></p>
        <table>
        <thead><tr>
        <th scope="col">Name</th><th scope="col">Type</th><th scope="col">State</th><th scope="col">Health</th>
        <th scope="col">Started</th><th scope="col" class="number">Restarts</th><th scope="col">URLs</th>
        <th scope="col">Message</th><th scope="col">Actions</th>
        </tr></thead>
        <tbody id="resources"></tbody>
        </table>
        <noscript><p class="notice">This page shows the resources with JavaScript; without it, read <a href="/api/resources">/api/resources</a>.</p></noscript>
        """), "resources.js");
}
