using Fever.Data;
using Fever.GraphQL;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Http;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fever.Api.GraphQL;

/// <summary>Who may run mutations. Bound from the "Mutations" section.</summary>
public sealed class MutationOptions
{
    public const string SectionName = "Mutations";

    /// <summary>The key clients send in the <c>X-Api-Key</c> header; with none set, every mutation is refused.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>
/// <c>requestSync</c>: asks the sync worker to run now, by <c>NOTIFY sync_requested</c> (the worker LISTENs). Needs the
/// API key; a request while a run is in progress is answered by that run's end and the next one.
/// </summary>
public sealed class SyncRequests(NpgsqlDataSource dataSource, IOptions<MutationOptions> options, TimeProvider clock)
{
    public const string HeaderName = "X-Api-Key";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    public async ValueTask<object?> RequestAsync(FieldContext context)
    {
        var http = (HttpContext)context.ContextData[GraphQLEndpointExtensions.HttpContextKey]!;
        if (options.Value.ApiKey is not { Length: > 0 } key)
            throw new GraphQLException("Mutations are disabled: the server has no API key configured (Mutations:ApiKey).", NotAuthorized);
        if (http.Request.Headers[HeaderName].ToString() is not { Length: > 0 } given
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(key)))
            throw new GraphQLException($"requestSync needs the API key in the {HeaderName} header.", NotAuthorized);

        return await Storage.RunAsync(async cancellationToken =>
        {
            await using var command = dataSource.CreateCommand($"SELECT pg_notify('{SyncRequestChannel.Name}', '')");
            await command.ExecuteNonQueryAsync(cancellationToken);
            return (object?)clock.GetUtcNow();
        }, context.CancellationToken);
    }
}
