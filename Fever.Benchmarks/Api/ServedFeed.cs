using Fever.ProviderSimulator;

namespace Fever.Benchmarks.Api;

/// <summary>
/// What the scenarios that load one Fever.Api process measure against: a <see cref="StoredFeed"/>, and Fever.Api (its
/// Release build, as its own process) started on that database and healthy. Disposing it stops the API, then deletes
/// the database.
/// </summary>
public sealed class ServedFeed : IAsyncDisposable
{
    private readonly StoredFeed _stored;

    private ServedFeed(StoredFeed stored, ApiProcess api)
    {
        _stored = stored;
        Api = api;
    }

    public ApiProcess Api { get; }

    public static async Task<ServedFeed> StartAsync(string scenario, GeneratedFeedOptions feed, CancellationToken cancellationToken)
    {
        var stored = await StoredFeed.StartAsync(scenario, feed, cancellationToken);
        try
        {
            Progress.Report(scenario, "starting Fever.Api and waiting for /health to be Healthy");
            return new ServedFeed(stored, await ApiProcess.StartHealthyAsync(stored.ConnectionString, cancellationToken));
        }
        catch
        {
            await stored.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await _stored.DisposeAsync();
    }
}
