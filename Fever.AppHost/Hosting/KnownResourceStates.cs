namespace Fever.AppHost.Hosting;

/// <summary>The states a resource goes through, named as Aspire names them.</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";

    /// <summary>Running, but its health check fails.</summary>
    public const string Unhealthy = "Unhealthy";

    /// <summary>Exited unexpectedly; a restart is scheduled.</summary>
    public const string Exited = "Exited";

    public const string Stopping = "Stopping";

    /// <summary>Could not start, or kept crashing; no more restarts.</summary>
    public const string FailedToStart = "FailedToStart";

    /// <summary>Ended on purpose: exit code 0, or stopped with the app.</summary>
    public const string Finished = "Finished";

    public static bool IsTerminal(string state) => state is FailedToStart or Finished;
}
