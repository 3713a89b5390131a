using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Fever.Api.Search;
using Microsoft.Extensions.Options;

namespace Fever.Api.Http;

public static class ClientRateLimitExtensions
{
    public const string PolicyName = "per-client";

    /// <summary>A token bucket per client address, answering 429 in the error envelope with <c>Retry-After</c>.</summary>
    public static IHostApplicationBuilder AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientRateLimitOptions>().BindConfiguration(ClientRateLimitOptions.SectionName)
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0, "RateLimiting:PermitsPerSecond and RateLimiting:Burst must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, context => Partition(context, context.RequestServices.GetRequiredService<IOptions<ClientRateLimitOptions>>().Value));
            limiter.OnRejected = (rejection, _) =>
            {
                var options = rejection.HttpContext.RequestServices.GetRequiredService<IOptions<ClientRateLimitOptions>>().Value;
                var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                rejection.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ErrorEnvelope.WriteAsync(rejection.HttpContext, new SearchError(
                    StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    $"Too many requests from {ClientAddress(rejection.HttpContext)}: the limit is {options.PermitsPerSecond} per second " +
                    $"(bursts of {options.Burst}). Retry after {retryAfter} s.")));
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, ClientRateLimitOptions options)
    {
        var address = ClientAddress(context);
        if (!options.Enabled || (options.ExemptLoopback && IPAddress.IsLoopback(address)))
            return RateLimitPartition.GetNoLimiter("unlimited");
        return RateLimitPartition.GetTokenBucketLimiter(address.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = options.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
    }

    private static IPAddress ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address
            : IPAddress.None;
}
