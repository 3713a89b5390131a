using Fever.Testing;

namespace Fever.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails early, with its output, if <paramref name="process"/> exits.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, ServiceProcess? process = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (process is { HasExited: true })
                throw new InvalidOperationException($"The process exited with {process.ExitCode}:\n{process.Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not reached within {timeout}.\n{process?.Output}");
            await Task.Delay(50);
        }
    }
}
