namespace Fever.AppHost.Hosting;

/// <summary>How the AppHost runs the model, bound from the <c>AppHost</c> configuration section.</summary>
public sealed class AppHostOptions
{
    public const string SectionName = "AppHost";

    /// <summary>
    /// Where resources keep data between runs (PostgreSQL in <c>postgres/</c>). Default: <c>.fever/</c> of the
    /// repository. Empty: nothing is kept; PostgreSQL runs in a throwaway folder deleted when the app stops.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>Delete the kept data before starting (start from nothing).</summary>
    public bool Fresh { get; set; }

    /// <summary>Replace every fixed port (API, PostgreSQL, dashboard) by a free one, as the tests do.</summary>
    public bool RandomizePorts { get; set; }

    /// <summary>The dashboard and the resource service; loopback only unless <c>Dashboard:Frontend:BrowserToken</c> is set.</summary>
    public string DashboardUrl { get; set; } = "http://localhost:18888";

    /// <summary>
    /// Where the dashboard's OTLP/HTTP receiver listens (loopback), handed to the services as
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Empty: no receiver, and the services export nothing.
    /// </summary>
    public string? OtlpEndpoint { get; set; } = "http://localhost:4318";

    /// <summary>Echo every resource's output to the console as <c>name | line</c>.</summary>
    public bool ConsoleLogs { get; set; } = true;

    /// <summary>How long a child has between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First delay before restarting a crashed child; it doubles with each crash in a row.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Crashes in a row (each within <see cref="StableAfter"/> of its start) before giving up: FailedToStart.</summary>
    public int MaxCrashesInARow { get; set; } = 5;

    /// <summary>A child that ran this long before crashing starts a new count of crashes in a row.</summary>
    public TimeSpan StableAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often health checks run (every second until a resource is first healthy).</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    internal string? ResolveStateDirectory(string appHostDirectory) =>
        StateDirectory switch
        {
            null => Path.Combine(RepositoryRoot.FindAbove(appHostDirectory) ?? appHostDirectory, ".fever"),
            "" => null,
            var path => Path.GetFullPath(path, appHostDirectory),
        };
}
