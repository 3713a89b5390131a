using System.Data.Common;
using Fever.GraphQL;

namespace Fever.Api.GraphQL;

/// <summary>
/// Runs the database work of <c>syncStatus</c> and <c>requestSync</c> (the fields that need PostgreSQL; the events come
/// from the snapshot) so that PostgreSQL being down, unreachable or too slow becomes a GraphQL error with a clear code,
/// not an internal error or the operation's own timeout.
/// </summary>
public static class Storage
{
    public const string Unavailable = "STORAGE_UNAVAILABLE";

    /// <summary>
    /// Longest one resolver waits for PostgreSQL: under the operation's timeout (10 s), and under Npgsql's connect
    /// timeout (15 s), which a silent host or a port that never answers the handshake would otherwise run into.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
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
            throw Unreachable($"did not answer within {Deadline.TotalSeconds:0} s");
        }
        catch (Exception exception) when (IsUnavailable(exception))
        {
            throw Unreachable("is unavailable");
        }
    }

    /// <summary>
    /// A database error or timeout, also as EF Core wraps it: in <c>RetryLimitExceededException</c> once its retries are spent, in an
    /// <see cref="InvalidOperationException"/> when a connection cannot be had.
    /// </summary>
    private static bool IsUnavailable(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is DbException or TimeoutException)
                return true;
        }
        return false;
    }

    private static GraphQLException Unreachable(string what) =>
        new($"PostgreSQL {what}; retry in a few seconds. The events (events, eventById, GET /search) keep answering from memory.", Unavailable);
}
