namespace Fever.AppHost.Dashboard.Pages;

/// <summary>The form controls the pages share.</summary>
internal static class Controls
{
    /// <summary>A labelled select whose options are pages: choosing one goes there (dashboard.js). Without a selection, a prompt comes first.</summary>
    public static Html NavigationPicker(string id, string label, IEnumerable<(string Text, string Url)> options, string? selectedUrl) => Html.Of($"""
        <label for="{id}">{label}
        <select id="{id}" data-navigate>
        {(selectedUrl is null ? Html.Of($"""<option value="" disabled selected>Choose…</option>""") : Html.Empty)}
        {options.Select(option => Option(option.Url, option.Text, option.Url == selectedUrl))}
        </select>
        </label>
        """);

    /// <summary>A labelled select of a filter form, submitted as <paramref name="name"/>.</summary>
    public static Html FilterSelect(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected) => Html.Of($"""
        <label for="filter-{name}">{label}
        <select id="filter-{name}" name="{name}">
        {options.Select(option => Option(option.Value, option.Text, option.Value == (selected ?? "")))}
        </select>
        </label>
        """);

    /// <summary>A sentence in a box: what the page cannot show, or what to do first.</summary>
    public static Html Notice(string text, bool error = false) =>
        Html.Of($"""<p class="{(error ? "notice error" : "notice")}">{text}</p>""");

    /// <summary>A dotted name (an instrument, a meter) with a line break allowed after each dot.</summary>
    public static Html BreakAtDots(string name) =>
        Html.Join(name.Split('.').Select((part, index) => index == 0 ? Html.Of($"{part}") : Html.Of($".<wbr>{part}")));

    private static Html Option(string value, string text, bool selected) => selected
        ? Html.Of($"""<option value="{value}" selected>{text}</option>""")
        : Html.Of($"""<option value="{value}">{text}</option>""");
}
