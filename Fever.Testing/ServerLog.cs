namespace Fever.Testing;

/// <summary>The last lines of the server's output, kept for error messages.</summary>
internal sealed class ServerLog
{
    private const int Capacity = 200;
    private readonly Queue<string> _recent = new();

    public IReadOnlyList<string> Recent
    {
        get
        {
            lock (_recent)
                return [.. _recent];
        }
    }

    public void Add(string? line)
    {
        if (line is null)
            return;
        lock (_recent)
        {
            if (_recent.Count == Capacity)
                _recent.Dequeue();
            _recent.Enqueue(line);
        }
    }
}
