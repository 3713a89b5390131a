using Fever.AppHost.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// <c>/consolelogs/resource/{name}</c>: a resource instance's console output (standard output and error, as the
/// AppHost captured it), followed live by console-logs.js; <c>/consolelogs</c> asks which resource.
/// </summary>
internal static class ConsoleLogsPage
{
    public static DashboardPage Render(string? name, ResourceNotificationService notifications)
    {
        var names = notifications.GetSnapshots().Select(s => s.Name).ToList();
        var picker = Controls.NavigationPicker("resource", "Resource", names.Select(n => (n, PathOf(n))), name is null ? null : PathOf(name));
        if (name is null)
            return Page("Console logs", picker, Controls.Notice("Choose a resource to follow its console output."));
        if (!names.Contains(name))
            return Page("Console logs", picker, Controls.Notice($"There is no resource named '{name}'. Choose one of the list.", error: true))
                with { StatusCode = StatusCodes.Status404NotFound };
        return Page($"{name} console logs", Html.Of($"""{picker}<span id="line-count" class="note muted"></span>"""), Html.Of($"""
            <div id="console" class="console" role="log" tabindex="0" aria-label="Console output of {name}" data-resource="{name}"></div>
            """));
    }

    private static string PathOf(string name) => $"/consolelogs/resource/{Uri.EscapeDataString(name)}";

    private static DashboardPage Page(string title, Html toolbar, Html body) => new(title, DashboardSection.Console, Html.Of($"""
        <h1>Console logs</h1>
        <div class="filters">{toolbar}</div>
        {body}
        """), "console-logs.js");
}
