namespace Fever.Api.Http;

public static class ClientRateLimitExtensions
{
    /// <summary>The per-client rate limit that endpoints opt into with <c>RequireRateLimiting(ClientRateLimitPolicy.Name)</c>.</summary>
    public static IHostApplicationBuilder AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientRateLimitOptions>().BindConfiguration(ClientRateLimitOptions.SectionName)
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0, "RateLimiting:PermitsPerSecond and RateLimiting:Burst must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy<string, ClientRateLimitPolicy>(ClientRateLimitPolicy.Name));
        return builder;
    }
}
