using Fever.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fever.Tests.Infrastructure;

/// <summary>
/// The worker's real service graph (<see cref="SyncExtensions.AddSyncWorker"/>), built but not started, so a
/// test decides when runs happen. Retry delays are shortened; everything else is the worker's own default.
/// </summary>
public sealed class SyncWorkerHost : IAsyncDisposable
{
    private readonly IHost _host;

    public SyncWorkerHost(string connectionString, Uri providerUrl, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:feverdb"] = connectionString,
            ["Provider:Url"] = providerUrl.ToString(),
            ["Provider:RetryBaseDelay"] = "00:00:00.010",
            ["Provider:RetryMaxDelay"] = "00:00:00.050",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults();
        builder.AddSyncWorker();
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the host as the worker's process does: options are checked, then the hosted services start.</summary>
    public Task StartAsync() => _host.StartAsync();

    public Task<Fever.Data.SyncRun?> RunAsync(CancellationToken cancellationToken = default) =>
        Services.GetRequiredService<SyncRunner>().RunAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        else
            _host.Dispose();
    }
}
