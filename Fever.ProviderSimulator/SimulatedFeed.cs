namespace Fever.ProviderSimulator;

/// <summary>
/// What the simulator serves: the samples (or a generated feed), one answer per successful call, with the failures,
/// latency and broken documents of <see cref="ProviderSimulatorOptions"/> plus the faults queued at run time.
/// </summary>
sealed class SimulatedFeed
{
    // Lets the client read the headers and the partial body before the reset, which discards unread data.
    static readonly TimeSpan AbortDelay = TimeSpan.FromMilliseconds(50);

    readonly IReadOnlyList<ReadOnlyMemory<byte>> answers;
    readonly string mode;

    public SimulatedFeed(ProviderSimulatorOptions options)
    {
        (mode, answers) = options.Generated is { } generated
            ? ("generated", [new GeneratedFeed(generated).Content])
            : ("samples", ProviderSamples.Load(options.SamplesDirectory));
        Scheduler = new AnswerScheduler(options, answers.Count);
    }

    /// <summary>The counters, and the faults a test queues.</summary>
    public AnswerScheduler Scheduler { get; }

    public SimulatorStatus Status => new(Scheduler.Calls, Scheduler.Failures, Scheduler.Served, mode);

    public async Task AnswerAsync(HttpContext context)
    {
        var answer = Scheduler.Next();
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
