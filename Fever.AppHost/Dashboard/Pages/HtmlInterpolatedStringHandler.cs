using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>Builds <see cref="Html"/>: literals as written, <see cref="Html"/> values as markup, anything else HTML-encoded.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlInterpolatedStringHandler(int literalLength, int formattedCount)
{
    private DefaultInterpolatedStringHandler _builder = new(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string markup) => _builder.AppendLiteral(markup);

    public void AppendFormatted(object? value, string? format = null)
    {
        switch (value)
        {
            case Html html:
                _builder.AppendLiteral(html.ToString());
                break;
            case IEnumerable<Html> parts:
                foreach (var part in parts)
                    _builder.AppendLiteral(part.ToString());
                break;
            case IFormattable formattable:
                _builder.AppendLiteral(WebUtility.HtmlEncode(formattable.ToString(format, CultureInfo.InvariantCulture)));
                break;
            default:
                _builder.AppendLiteral(WebUtility.HtmlEncode(value?.ToString() ?? ""));
                break;
        }
    }

    public string ToStringAndClear() => _builder.ToStringAndClear();
}
