using System.Diagnostics;
using System.Xml;
using Fever.Data;
using Fever.Sync.Feed;
using Fever.Sync.Provider;
using Fever.Sync.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fever.Sync;

/// <summary>
/// One sync run: fetch the feed, stream it through the parser into the bulk writer, record the outcome.
/// Whatever fails (provider, XML, database, shutdown) the run is recorded as such and stored events stay
/// as they were; only a run whose whole feed was read commits anything.
/// </summary>
public sealed partial class SyncRunner(
    ProviderClient provider,
    FeedParser parser,
    EventWriter writer,
    SyncRunStore runs,
    SchemaCheck schema,
    IOptions<SyncOptions> syncOptions,
    IOptions<ProviderOptions> providerOptions,
    SyncMetrics metrics,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    private static readonly TimeSpan RecordTimeout = TimeSpan.FromSeconds(10);
    private static readonly string WorkerName = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>
    /// Runs once and returns the recorded run, or null when the database could not even record it. Traced as "sync run",
    /// measured by <see cref="SyncMetrics"/>.
    /// </summary>
    public async Task<SyncRun?> RunAsync(CancellationToken cancellationToken)
    {
        using var activity = SyncTelemetry.Source.StartActivity("sync run");
        var started = time.GetTimestamp();
        SyncRun run;
        try
        {
            await schema.EnsureCurrentAsync(cancellationToken);
            run = new SyncRun
            {
                StartedAt = ToMicroseconds(time.GetUtcNow()),
                Outcome = SyncOutcome.Running,
                Worker = WorkerName,
                ProviderUrl = providerOptions.Value.Url?.ToString(),
            };
            await runs.StartAsync(run, syncOptions.Value.AbandonRunsAfter, cancellationToken);
        }
        catch (SchemaOutOfDateException exception)
        {
            LogSchemaOutOfDate(exception.Message);
            activity.DescribeUnrecordedRun(exception.Message);
            metrics.RecordUnrecordedRun(time.GetElapsedTime(started));
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogDatabaseUnavailable(exception, exception.Message);
            activity.DescribeUnrecordedRun($"PostgreSQL is unavailable: {exception.Message}");
            metrics.RecordUnrecordedRun(time.GetElapsedTime(started));
            return null;
        }

        LogRunStarted(run.Id, run.ProviderUrl);
        var report = new FeedParseReport();
        try
        {
            await FetchAndStoreAsync(run, report, activity, cancellationToken);
            run.Outcome = SyncOutcome.Succeeded;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            Fail(run, SyncOutcome.Cancelled, "The worker was stopped during the run; nothing was written.");
        }
        catch (ProviderUnavailableException exception)
        {
            run.Attempts = exception.Attempts;
            run.HttpStatus = exception.LastStatus ?? run.HttpStatus;
            Fail(run, SyncOutcome.Failed, exception.Message);
        }
        catch (Exception exception) when (exception is XmlException or FeedFormatException)
        {
            Fail(run, SyncOutcome.Failed, $"The feed is not a valid provider document: {exception.Message} Nothing was written.");
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            Fail(run, SyncOutcome.Failed, $"The feed could not be read to its end: {exception.Message} Nothing was written.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            Fail(run, SyncOutcome.Failed, $"PostgreSQL failed while storing the feed: {exception.Message} Nothing was written.");
        }

        run.FinishedAt = ToMicroseconds(time.GetUtcNow());
        await RecordAsync(run);
        activity.DescribeRun(run);
        metrics.RecordRun(run, report, time.GetElapsedTime(started));
        LogRunFinished(run.Id, run.Outcome, (run.FinishedAt - run.StartedAt).Value.TotalSeconds, run.Attempts,
            run.PlansSeen, run.PlansInserted, run.PlansUpdated, run.PlansUnchanged, run.PlansSkipped, run.Error);
        return run;
    }

    private async Task FetchAndStoreAsync(SyncRun run, FeedParseReport report, Activity? runActivity, CancellationToken cancellationToken)
    {
        using var response = await provider.FetchAsync(cancellationToken);
        run.Attempts = response.Attempts;
        run.HttpStatus = response.Status;

        using var download = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        download.CancelAfter(providerOptions.Value.DownloadTimeout);
        // 64 KiB reads: the parser reads synchronously, and XmlReader alone would ask for 4 KiB at a time.
        await using var body = new CountingStream(new BufferedStream(await response.Content.ReadAsStreamAsync(download.Token), 1 << 16));

        try
        {
            // The parser reads the body synchronously on its own thread: a cancelled run unblocks it by closing the response.
            using var closeOnCancel = download.Token.Register(response.Dispose);
            var plans = parser.Parse(body, report, download.Token).WithParseSpan(runActivity).WithReadAhead(capacity: 256);
            var result = await writer.WriteAsync(plans, run.StartedAt, download.Token);
            run.PlansInserted = result.Inserted;
            run.PlansUpdated = result.Updated;
            run.PlansUnchanged = result.Unchanged;
        }
        catch (Exception) when (download.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"The download took longer than {providerOptions.Value.DownloadTimeout}.");
        }
        finally
        {
            run.BytesRead = body.BytesRead;
            run.PlansSeen = report.PlansSeen;
            run.PlansSkipped = report.PlansSkipped;
            run.ZonesSkipped = report.ZonesSkipped;
            run.SkipReasons = new Dictionary<string, int>(report.SkipReasons);
        }
    }

    /// <summary>PostgreSQL keeps microseconds: what we record is exactly what we read back.</summary>
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));

    private static void Fail(SyncRun run, SyncOutcome outcome, string error)
    {
        run.Outcome = outcome;
        run.Error = error;
        // Counts of a failed run describe what was read, but nothing of it was stored.
        run.PlansInserted = run.PlansUpdated = run.PlansUnchanged = 0;
    }

    private async Task RecordAsync(SyncRun run)
    {
        using var timeout = new CancellationTokenSource(RecordTimeout);
        try
        {
            await runs.FinishAsync(run, timeout.Token);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            LogRecordFailed(exception, run.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot start a sync run: PostgreSQL is unavailable ({Reason})")]
    private partial void LogDatabaseUnavailable(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start a sync run: {Reason}")]
    private partial void LogSchemaOutOfDate(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync run {RunId} started against {ProviderUrl}")]
    private partial void LogRunStarted(long runId, string? providerUrl);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Sync run {RunId} {Outcome} in {Seconds:0.000} s after {Attempts} attempt(s): {Seen} plans seen, {Inserted} inserted, " +
        "{Updated} updated, {Unchanged} unchanged, {Skipped} skipped. {Error}")]
    private partial void LogRunFinished(long runId, SyncOutcome outcome, double seconds, int attempts,
        int seen, int inserted, int updated, int unchanged, int skipped, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the end of sync run {RunId}")]
    private partial void LogRecordFailed(Exception exception, long runId);
}
