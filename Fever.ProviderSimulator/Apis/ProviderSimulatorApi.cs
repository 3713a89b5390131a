using Microsoft.AspNetCore.Http.HttpResults;

namespace Fever.ProviderSimulator.Apis;

public static class ProviderSimulatorApi
{
    public const string FeedPath = "/api/events";
    public const string StatusPath = "/simulator/status";

    /// <summary>
    /// <c>GET /api/events</c>, the partner's feed as <see cref="SimulatedFeed"/> answers it, and
    /// <c>GET /simulator/status</c>, its counters: the same endpoints run alone and embedded.
    /// </summary>
    public static IEndpointRouteBuilder MapProviderSimulator(this IEndpointRouteBuilder app)
    {
        // Resolved now rather than on the first call, so that samples that cannot be read stop the start.
        var feed = app.ServiceProvider.GetRequiredService<SimulatedFeed>();

        app.MapGet(FeedPath, feed.AnswerAsync)
            .WithName("getEvents")
            .WithSummary("The partner's events: the next answer of the sequence, or a fault")
            .WithTags("Provider");
        app.MapGet(StatusPath, () => GetStatus(feed))
            .WithName("getSimulatorStatus")
            .WithSummary("Calls, failures and answers served so far, and what is served")
            .WithTags("Simulator");
        return app;
    }

    static Ok<SimulatorStatus> GetStatus(SimulatedFeed feed) => TypedResults.Ok(feed.Status);
}
