namespace Fever.AppHost.Hosting;

/// <summary>
/// The console output of every resource instance: the last <see cref="MaxLinesPerInstance"/> lines kept for
/// the dashboard and the tests, and echoed to the AppHost's console as <c>name | line</c> when asked.
/// </summary>
public sealed class ResourceLoggerService(bool echoToConsole)
{
    public const int MaxLinesPerInstance = 10_000;

    private static readonly ConsoleColor[] Colors =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Magenta, ConsoleColor.Yellow, ConsoleColor.Blue, ConsoleColor.DarkCyan];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, InstanceLog> _logs = [];
    private readonly bool _colored = echoToConsole && !Console.IsOutputRedirected;

    public void Log(string instanceName, string line, bool isError = false)
    {
        var entry = new LogLine(DateTimeOffset.UtcNow, line, isError);
        InstanceLog log;
        lock (_gate)
        {
            if (!_logs.TryGetValue(instanceName, out log!))
                _logs[instanceName] = log = new InstanceLog(Colors[_logs.Count % Colors.Length]);
            log.Add(entry);
        }
        if (echoToConsole)
            Echo(instanceName, entry, log.Color);
    }

    /// <summary>The kept lines of <paramref name="instanceName"/> numbered after <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<NumberedLogLine> GetLogs(string instanceName, long after = 0)
    {
        lock (_gate)
            return _logs.TryGetValue(instanceName, out var log) ? log.Since(after) : [];
    }

    private void Echo(string instanceName, LogLine entry, ConsoleColor color)
    {
        lock (Colors)
        {
            if (_colored)
                Console.ForegroundColor = color;
            Console.Out.Write($"{instanceName,-10}| ");
            if (_colored)
                Console.ResetColor();
            Console.Out.WriteLine(entry.Text);
        }
    }

    private sealed class InstanceLog(ConsoleColor color)
    {
        private readonly Queue<NumberedLogLine> _lines = new();
        private long _count;

        public ConsoleColor Color => color;

        public void Add(LogLine line)
        {
            _lines.Enqueue(new NumberedLogLine(++_count, line.Time, line.Text, line.IsError));
            if (_lines.Count > MaxLinesPerInstance)
                _lines.Dequeue();
        }

        public IReadOnlyList<NumberedLogLine> Since(long after) => _lines.Where(l => l.Number > after).ToList();
    }

    private readonly record struct LogLine(DateTimeOffset Time, string Text, bool IsError);
}

/// <summary>A line of a resource's console output; numbers grow by one per line, so a reader can ask for what follows.</summary>
public sealed record NumberedLogLine(long Number, DateTimeOffset Time, string Text, bool IsError);
