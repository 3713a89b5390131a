using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Fever.Api.Search;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fever.Api.Http;

/// <summary>A token bucket per client address; a rejected request gets a 429 in the error envelope with <c>Retry-After</c>.</summary>
public sealed class ClientRateLimitPolicy(IOptions<ClientRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "per-client";

    private readonly ClientRateLimitOptions _options = options.Value;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (rejection, _) =>
    {
        var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        rejection.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(ErrorEnvelope.WriteAsync(rejection.HttpContext, new ApiError(
            StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
            $"Too many requests from {ClientAddress(rejection.HttpContext)}: the limit is {_options.PermitsPerSecond} per second " +
            $"(bursts of {_options.Burst}). Retry after {retryAfter} s.")));
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var address = ClientAddress(httpContext);
        if (!_options.Enabled || (_options.ExemptLoopback && IPAddress.IsLoopback(address)))
            return RateLimitPartition.GetNoLimiter("unlimited");
        return RateLimitPartition.GetTokenBucketLimiter(address.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.Burst,
            TokensPerPeriod = _options.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
    }

    private static IPAddress ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address
            : IPAddress.None;
}
