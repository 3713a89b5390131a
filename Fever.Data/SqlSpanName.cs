using Npgsql;

namespace Fever.Data;

/// <summary>
/// Names Npgsql's command spans by their operation (<c>SELECT</c>, <c>INSERT</c>, <c>LISTEN</c>…), as OpenTelemetry's
/// database conventions do, instead of Npgsql's default (the database's name on every span), so that a waterfall says
/// what each call did; the full SQL stays in <c>db.query.text</c>.
/// </summary>
public static class SqlSpanName
{
    private const string Fallback = "postgresql";

    public static string Of(NpgsqlCommand command) => Of(command.CommandText);

    public static string Of(NpgsqlBatch batch) =>
        batch.BatchCommands.Count == 0 ? Fallback : $"{Of(batch.BatchCommands[0].CommandText)} (batch of {batch.BatchCommands.Count})";

    public static string Of(string? sql)
    {
        var text = sql.AsSpan().TrimStart();
        var length = 0;
        while (length < text.Length && char.IsAsciiLetter(text[length]))
            length++;
        return length == 0 ? Fallback : text[..length].ToString().ToUpperInvariant();
    }
}
