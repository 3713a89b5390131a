using System.Net;

namespace Fever.AppHost.Simulator;

/// <summary>
/// A stand-in for the partner's feed: a minimal Kestrel app on 127.0.0.1 serving
/// <c>GET /api/events</c> from the samples (or a generated feed), one answer per successful call,
/// with the failures, latency and broken documents of <see cref="ProviderSimulatorOptions"/> plus
/// faults that tests queue at run time. <c>GET /simulator/status</c> reports its counters.
/// </summary>
public sealed class ProviderSimulator : IAsyncDisposable
{
    const string FeedPath = "api/events";
    const string StatusPath = "simulator/status";

    // Lets the client read the headers and the partial body before the reset, which discards unread data.
    static readonly TimeSpan AbortDelay = TimeSpan.FromMilliseconds(50);

    readonly WebApplication app;
    readonly AnswerScheduler scheduler;
    readonly IReadOnlyList<ReadOnlyMemory<byte>> answers;
    readonly string mode;

    ProviderSimulator(ProviderSimulatorOptions options)
    {
        options.Validate();
        (mode, answers) = options.Generated is { } generated
            ? ("generated", [new GeneratedFeed(generated).Content])
            : ("samples", ProviderSamples.Load(options.SamplesDirectory));
        scheduler = new AnswerScheduler(options, answers.Count);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear(); // options only: no appsettings.json or environment of the host process
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        app = builder.Build();
        app.MapGet(FeedPath, AnswerAsync);
        app.MapGet(StatusPath, () => TypedResults.Ok(Status));
    }

    /// <summary>Where the simulator listens, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress => new(app.Urls.First() + "/");

    /// <summary>The provider endpoint: <see cref="BaseAddress"/> + <c>api/events</c>.</summary>
    public Uri FeedUrl => new(BaseAddress, FeedPath);

    public int Calls => scheduler.Calls;

    public int Failures => scheduler.Failures;

    /// <summary>Successful answers (complete or truncated), each of which advanced the sequence.</summary>
    public int SamplesServed => scheduler.Served;

    public SimulatorStatus Status => new(Calls, Failures, SamplesServed, mode);

    public static async Task<ProviderSimulator> StartAsync(ProviderSimulatorOptions options, CancellationToken ct = default)
    {
        var simulator = new ProviderSimulator(options);
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
    public void FailNext(int calls) => scheduler.FailNext(calls);

    /// <summary>The next <paramref name="calls"/> successful answers stop in the middle of the document, inside an element.</summary>
    public void TruncateNext(int calls) => scheduler.TruncateNext(calls);

    /// <summary>The next <paramref name="calls"/> answers send half of the body, then abort the connection.</summary>
    public void AbortNext(int calls) => scheduler.AbortNext(calls);

    /// <summary>The next successful answer is the one at <paramref name="sampleIndex"/>; counters and queued faults are kept.</summary>
    public void Reset(int sampleIndex = 0) => scheduler.Reset(sampleIndex);

    public Task StopAsync(CancellationToken ct = default) => app.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    async Task AnswerAsync(HttpContext context)
    {
        var answer = scheduler.Next();
        var ct = context.RequestAborted;
        if (answer.Delay > TimeSpan.Zero)
            await Task.Delay(answer.Delay, ct);

        var response = context.Response;
        if (answer.Kind == AnswerKind.Fail)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentLength = 0;
            return;
        }

        var document = answers[answer.Index];
        var body = answer.Kind switch
        {
            AnswerKind.Truncated => document[..CutInsideElement(document.Span, answer.CutAt)],
            AnswerKind.Aborted => document[..(document.Length / 2)],
            _ => document,
        };
        response.ContentType = "application/xml";
        response.ContentLength = answer.Kind == AnswerKind.Aborted ? document.Length : body.Length;
        await response.Body.WriteAsync(body, ct);

        if (answer.Kind == AnswerKind.Aborted)
        {
            await response.Body.FlushAsync(ct);
            await Task.Delay(AbortDelay, ct);
            context.Abort();
        }
    }

    /// <summary>
    /// A length that ends the document two bytes into the first tag at or after
    /// <paramref name="fraction"/> of it, so that no cut can leave a well-formed document.
    /// </summary>
    static int CutInsideElement(ReadOnlySpan<byte> document, double fraction)
    {
        var from = Math.Clamp((int)(document.Length * fraction), 1, document.Length - 1);
        var tag = document[from..].IndexOf((byte)'<');
        var start = tag >= 0 ? from + tag : document.LastIndexOf((byte)'<');
        return Math.Min(start + 2, document.Length - 1);
    }
}
