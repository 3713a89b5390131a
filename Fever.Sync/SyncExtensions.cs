using Fever.Data;
using Fever.Sync.Feed;
using Fever.Sync.Provider;
using Fever.Sync.Storage;
using Microsoft.Extensions.Options;

namespace Fever.Sync;

public static class SyncExtensions
{
    /// <summary>The sync worker and everything it needs: options, provider client, parser, writer, run records.</summary>
    public static IHostApplicationBuilder AddSyncWorker(this IHostApplicationBuilder builder)
    {
        builder.AddFeverData(readiness: true);

        builder.Services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName)
            .Validate(o => o.Interval > TimeSpan.Zero, "Sync:Interval must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<ProviderOptions>().BindConfiguration(ProviderOptions.SectionName)
            .Validate(o => o.Url is { IsAbsoluteUri: true }, "Provider:Url must be an absolute URL.")
            .Validate<IConfiguration>((o, configuration) => o.Url.Host != "provider" || configuration.GetSection("services:provider").Exists(),
                "Provider:Url names the service \"provider\", which is not configured: set Provider:Url or services__provider__http__0.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout > TimeSpan.Zero && o.DownloadTimeout > TimeSpan.Zero,
                "Provider timeouts must be positive.")
            .Validate(o => o.MaxRetries >= 0, "Provider:MaxRetries cannot be negative.")
            .ValidateOnStart();

        builder.Services.AddHttpClient<ProviderClient>(http => http.Timeout = Timeout.InfiniteTimeSpan).AddProviderResilience();
        builder.Services.AddSingleton<SyncMetrics>();
        builder.Services.AddSingleton<FeedParser>();
        builder.Services.AddSingleton<EventWriter>();
        builder.Services.AddSingleton<SyncRunStore>();
        builder.Services.AddTransient<SyncRunner>();
        builder.Services.AddSingleton<SyncRequestListener>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SyncRequestListener>());
        builder.Services.AddHostedService<SyncWorker>();
        return builder;
    }
}
