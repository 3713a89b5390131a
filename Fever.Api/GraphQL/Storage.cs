using System.Data.Common;
using Fever.GraphQL;
using Npgsql;

namespace Fever.Api.GraphQL;

/// <summary>Turns PostgreSQL being unreachable into a GraphQL error with a clear code, instead of an internal error.</summary>
public static class Storage
{
    public const string Unavailable = "STORAGE_UNAVAILABLE";

    public static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception exception) when (exception is DbException or TimeoutException
            || exception is InvalidOperationException { InnerException: NpgsqlException or TimeoutException })
        {
            throw new GraphQLException(
                "The event store (PostgreSQL) is unavailable; retry in a few seconds. GET /search keeps answering from memory.", Unavailable);
        }
    }
}
