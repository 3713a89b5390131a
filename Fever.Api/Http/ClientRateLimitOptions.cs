namespace Fever.Api.Http;

/// <summary>The per-client rate limit of /search (section <c>RateLimiting</c>): a token bucket per client IP address.</summary>
public sealed class ClientRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second a client may make.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a client may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>
    /// Loopback clients are not limited: local tools, the AppHost's proxy and benchmarks measure the server, not the limiter.
    /// Behind a reverse proxy on the same host every client is loopback; turn this off and forward client addresses there.
    /// </summary>
    public bool ExemptLoopback { get; set; } = true;
}
