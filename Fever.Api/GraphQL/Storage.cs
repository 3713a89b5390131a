using System.Data.Common;
using Fever.GraphQL;
using Npgsql;

namespace Fever.Api.GraphQL;

/// <summary>
/// Runs a resolver's database work so that PostgreSQL being down, unreachable or too slow becomes a GraphQL error
/// with a clear code, not an internal error or the operation's own timeout. After a failure, calls fail at once for
/// <see cref="RestAfterFailure"/>, so an operation with several fields that read storage does not wait once per field.
/// </summary>
public static class Storage
{
    public const string Unavailable = "STORAGE_UNAVAILABLE";

    /// <summary>
    /// Longest one resolver waits for PostgreSQL: under the operation's timeout (10 s), and under Npgsql's connect
    /// timeout (15 s), which a silent host or a port that never answers the handshake would otherwise run into.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan RestAfterFailure = TimeSpan.FromSeconds(2);

    private static long _failingUntil;

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 < Interlocked.Read(ref _failingUntil))
            throw Unreachable("failed a moment ago");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var running = work(deadline.Token);
        try
        {
            // Npgsql does not always give up on cancellation (e.g. a server that accepts and never answers the
            // handshake): stop waiting at the deadline whatever the work does, and let it end on its own.
            return await running.WaitAsync(Deadline, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _ = running.ContinueWith(static task => task.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw Failed($"did not answer within {Deadline.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is DbException
            || exception is InvalidOperationException { InnerException: NpgsqlException or TimeoutException })
        {
            throw Failed("is unavailable");
        }
    }

    private static GraphQLException Failed(string what)
    {
        Interlocked.Exchange(ref _failingUntil, Environment.TickCount64 + (long)RestAfterFailure.TotalMilliseconds);
        return Unreachable(what);
    }

    private static GraphQLException Unreachable(string what) =>
        new($"The event store (PostgreSQL) {what}; retry in a few seconds. GET /search keeps answering from memory.", Unavailable);
}
