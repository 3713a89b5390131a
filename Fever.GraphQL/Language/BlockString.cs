namespace Fever.GraphQL.Language;

/// <summary>The spec's BlockStringValue(): common indentation and leading/trailing blank lines removed.</summary>
public static class BlockString
{
    public static string Dedent(string raw)
    {
        var lines = raw.ReplaceLineEndings("\n").Split('\n');
        int? common = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var indent = Indentation(lines[i]);
            if (indent < lines[i].Length && (common is null || indent < common))
                common = indent;
        }
        if (common is { } width)
        {
            for (var i = 1; i < lines.Length; i++)
                lines[i] = lines[i].Length <= width ? "" : lines[i][width..];
        }
        var first = 0;
        var last = lines.Length - 1;
        while (first <= last && IsBlank(lines[first]))
            first++;
        while (last >= first && IsBlank(lines[last]))
            last--;
        return first > last ? "" : string.Join('\n', lines[first..(last + 1)]);
    }

    private static int Indentation(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
            i++;
        return i;
    }

    private static bool IsBlank(string line) => Indentation(line) == line.Length;
}
