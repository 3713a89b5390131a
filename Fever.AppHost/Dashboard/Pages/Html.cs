namespace Fever.AppHost.Dashboard.Pages;

/// <summary>
/// A piece of HTML. Written as <c>Html.Of($"&lt;td&gt;{value}&lt;/td&gt;")</c>: the literal parts are markup, every
/// interpolated value is encoded as text unless it is <see cref="Html"/> itself, so telemetry cannot inject markup.
/// </summary>
internal sealed class Html
{
    private readonly string _markup;

    private Html(string markup) => _markup = markup;

    public static Html Empty { get; } = new("");

    public static Html Of(ref HtmlInterpolatedStringHandler html) => new(html.ToStringAndClear());

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(part => part._markup)));

    public override string ToString() => _markup;
}
