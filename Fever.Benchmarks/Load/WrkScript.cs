using System.Globalization;
using System.Text;

namespace Fever.Benchmarks.Load;

/// <summary>
/// A Lua script for wrk (<c>-s</c>), written to a temporary file when a scenario needs it and deleted when disposed: it
/// sends every request as a GET, or as a POST of one body, compares every answer's body with the one the scenario checked
/// beforehand, and prints how many differed on a line that <see cref="WrkReport"/> reads, so that the figures of a run
/// count only answers that were the checked one (a GraphQL error, for one, comes with a status of 200).
/// </summary>
public sealed class WrkScript : IDisposable
{
    /// <summary>The line the script prints after wrk's report, e.g. <c>Unexpected answers: 0</c>.</summary>
    public const string UnexpectedAnswersLabel = "Unexpected answers:";

    private WrkScript(string filePath) => FilePath = filePath;

    public string FilePath { get; }

    /// <summary>POSTs <paramref name="body"/> as <paramref name="contentType"/> and counts the answers whose body is not <paramref name="expectedAnswer"/>.</summary>
    public static WrkScript PostExpecting(string contentType, byte[] body, byte[] expectedAnswer) => Write($$"""
        wrk.method = "POST"
        wrk.headers["Content-Type"] = {{LuaString(Encoding.UTF8.GetBytes(contentType))}}
        wrk.body = {{LuaString(body)}}
        """, expectedAnswer);

    /// <summary>GETs the URL wrk is given (its default request) and counts the answers whose body is not <paramref name="expectedAnswer"/>.</summary>
    public static WrkScript GetExpecting(byte[] expectedAnswer) => Write("", expectedAnswer);

    private static WrkScript Write(string request, byte[] expectedAnswer)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fever-wrk-{Guid.NewGuid():N}.lua");
        File.WriteAllText(path, $$"""
            -- Written by Fever.Benchmarks for one scenario; deleted when it ends.
            {{request}}

            local expected = {{LuaString(expectedAnswer)}}
            local threads = {}

            function setup(thread)
              table.insert(threads, thread)
            end

            function init(args)
              unexpected = 0
            end

            function response(status, headers, answer)
              if answer ~= expected then
                unexpected = unexpected + 1
              end
            end

            function done(summary, latency, requests)
              local total = 0
              for _, thread in ipairs(threads) do
                total = total + thread:get("unexpected")
              end
              io.write(string.format("{{UnexpectedAnswersLabel}} %d\n", total))
            end

            """);
        return new WrkScript(path);
    }

    public void Dispose() => File.Delete(FilePath);

    /// <summary>A Lua string literal of any bytes: printable ASCII as is, every other byte (and <c>"</c>, <c>\</c>) as a decimal escape.</summary>
    private static string LuaString(byte[] bytes)
    {
        var literal = new StringBuilder(bytes.Length + 2).Append('"');
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\')
                literal.Append((char)b);
            else
                literal.Append('\\').Append(b.ToString("000", CultureInfo.InvariantCulture));
        }
        return literal.Append('"').ToString();
    }
}
