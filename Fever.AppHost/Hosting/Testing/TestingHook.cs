using Microsoft.Extensions.Configuration;

namespace Fever.AppHost.Hosting.Testing;

/// <summary>
/// Set while the testing builder runs the AppHost's entry point: the builder Program.cs creates takes the
/// test's configuration, and its <c>Build()</c> hands the builder to the test and ends the entry point.
/// </summary>
internal sealed class TestingHook(string[] args)
{
    private static readonly AsyncLocal<TestingHook?> Active = new();
    private readonly TaskCompletionSource<DistributedApplicationBuilder> _captured = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestingHook? Current => Active.Value;

    public Task<DistributedApplicationBuilder> Captured => _captured.Task;

    public static void Activate(TestingHook hook) => Active.Value = hook;

    /// <summary>The testing defaults (free ports, nothing kept, quiet console), then the test's own arguments.</summary>
    public void Configure(ConfigurationManager configuration)
    {
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppHost:RandomizePorts"] = "true",
            ["AppHost:StateDirectory"] = "",
            ["AppHost:ConsoleLogs"] = "false",
            ["AppHost:StopGracePeriod"] = "00:00:05",
        });
        configuration.AddCommandLine(args);
    }

    public void Capture(DistributedApplicationBuilder builder)
    {
        _captured.TrySetResult(builder);
        throw new EntryPointStoppedException();
    }

    public void EntryPointEnded(Exception? exception)
    {
        if (exception is not null and not EntryPointStoppedException)
            _captured.TrySetException(exception);
        else
            _captured.TrySetException(new InvalidOperationException("The AppHost's entry point ended without calling Build()."));
    }
}

/// <summary>Thrown by <c>Build()</c> under the testing builder to end the AppHost's entry point there.</summary>
internal sealed class EntryPointStoppedException() : Exception("The testing builder stops the AppHost's entry point at Build().");
