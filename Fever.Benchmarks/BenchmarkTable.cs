namespace Fever.Benchmarks;

/// <summary>
/// A plain-text table for the console, each column as wide as its widest cell. The first column names the
/// row and is left-aligned; the others hold figures and are right-aligned.
/// </summary>
public sealed class BenchmarkTable(params string[] headers)
{
    private const string Gap = "   ";
    private readonly List<string[]> _rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"A row has {headers.Length} cells, not {cells.Length}.", nameof(cells));
        _rows.Add(cells);
    }

    public void WriteTo(TextWriter output)
    {
        var widths = headers.Select((header, column) => _rows.Select(row => row[column].Length).Prepend(header.Length).Max()).ToArray();
        WriteLine(output, headers, widths);
        foreach (var row in _rows)
            WriteLine(output, row, widths);
    }

    private static void WriteLine(TextWriter output, string[] cells, int[] widths)
    {
        var aligned = cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]));
        output.WriteLine(string.Join(Gap, aligned).TrimEnd());
    }
}
