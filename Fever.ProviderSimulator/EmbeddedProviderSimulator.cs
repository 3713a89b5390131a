using System.Net;
using Fever.ProviderSimulator.Apis;

namespace Fever.ProviderSimulator;

/// <summary>
/// The simulator inside the calling process (a test, a benchmark): the endpoints of
/// <see cref="ProviderSimulatorApi.MapProviderSimulator"/> on a free port of 127.0.0.1, with options given in code,
/// faults queued at run time and the counters read directly.
/// </summary>
public sealed class EmbeddedProviderSimulator : IAsyncDisposable
{
    readonly WebApplication app;
    readonly SimulatedFeed feed;

    EmbeddedProviderSimulator(ProviderSimulatorOptions options)
    {
        if (options.Problems().ToList() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        feed = new SimulatedFeed(options);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // options only: no appsettings.json or environment of the host process
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(feed);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.MapProviderSimulator();
    }

    /// <summary>Where the simulator listens, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress => new(app.Urls.First() + "/");

    /// <summary>The provider endpoint: <see cref="BaseAddress"/> + <c>api/events</c>.</summary>
    public Uri FeedUrl => new(BaseAddress, ProviderSimulatorApi.FeedPath);

    public int Calls => feed.Scheduler.Calls;

    public int Failures => feed.Scheduler.Failures;

    /// <summary>Successful answers (complete or truncated), each of which advanced the sequence.</summary>
    public int SamplesServed => feed.Scheduler.Served;

    public SimulatorStatus Status => feed.Status;

    public static async Task<EmbeddedProviderSimulator> StartAsync(ProviderSimulatorOptions options, CancellationToken ct = default)
    {
        var simulator = new EmbeddedProviderSimulator(options);
        try
        {
            await simulator.app.StartAsync(ct);
            return simulator;
        }
        catch
        {
            await simulator.app.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next <paramref name="calls"/> calls answer 503.</summary>
    public void FailNext(int calls) => feed.Scheduler.FailNext(calls);

    /// <summary>The next <paramref name="calls"/> successful answers stop in the middle of the document, inside an element.</summary>
    public void TruncateNext(int calls) => feed.Scheduler.TruncateNext(calls);

    /// <summary>The next <paramref name="calls"/> answers send half of the body, then abort the connection.</summary>
    public void AbortNext(int calls) => feed.Scheduler.AbortNext(calls);

    /// <summary>The next successful answer is the one at <paramref name="sampleIndex"/>; counters and queued faults are kept.</summary>
    public void Reset(int sampleIndex = 0) => feed.Scheduler.Reset(sampleIndex);

    public Task StopAsync(CancellationToken ct = default) => app.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
