using Fever.Data;
using Fever.Sync.Feed;
using Fever.Sync.Provider;
using Fever.Sync.Storage;
using Microsoft.Extensions.Options;

namespace Fever.Sync;

public static class SyncExtensions
{
    // The last two are service discovery's: try https, then http (or the other way round).
    private static readonly string[] FeedSchemes = ["http", "https", "https+http", "http+https"];

    /// <summary>The sync worker and everything it needs: options, provider client, parser, writer, run records.</summary>
    public static IHostApplicationBuilder AddSyncWorker(this IHostApplicationBuilder builder)
    {
        builder.AddFeverData(readiness: true);

        builder.Services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ProviderOptions>().BindConfiguration(ProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Url is { IsAbsoluteUri: true } url && FeedSchemes.Contains(url.Scheme),
                "Provider:Url must be an absolute http or https URL, or https+http://<service>/… for service discovery.")
            .Validate<IConfiguration>((o, configuration) => !NamesTheProviderService(o.Url) || configuration.GetSection("services:provider").Exists(),
                "Provider:Url names the service \"provider\", which is not configured: set Provider:Url or services__provider__http__0.")
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

    private static bool NamesTheProviderService(Uri url) => url.IsAbsoluteUri && url.Host == "provider";
}
