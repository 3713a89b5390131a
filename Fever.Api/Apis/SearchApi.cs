using System.ComponentModel;
using Fever.Api.Http;
using Fever.Api.Search;
using Fever.Api.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fever.Api.Apis;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search", Search)
            .WithName("searchEvents")
            .WithSummary("Lists the available events on a time range")
            .WithTags("Search")
            .RequireRateLimiting(ClientRateLimitPolicy.Name);
        return app;
    }

    /// <summary>
    /// Answers from the in-memory snapshot: a binary search for the first event starting at or after
    /// <paramref name="startsAt"/>, then a copy of pre-encoded JSON. The parameters are read by
    /// <see cref="SearchRange"/> from the query itself (to refuse repeated and unknown ones); they are
    /// declared here for the OpenAPI document.
    /// </summary>
    public static Results<EventsResult, ErrorResult> Search(
        HttpRequest request,
        EventSnapshotStore store,
        ApiMetrics metrics,
        [FromQuery(Name = SearchRange.StartsAt), Description("Return only events that start at or after this instant")] string? startsAt = null,
        [FromQuery(Name = SearchRange.EndsAt), Description("Return only events that finish at or before this instant")] string? endsAt = null)
    {
        if (!SearchRange.TryParse(request.Query, out var range, out var error))
            return new ErrorResult(error);
        if (store.Current is not { } snapshot)
            return new ErrorResult(new ApiError(StatusCodes.Status503ServiceUnavailable, ErrorCodes.SnapshotUnavailable,
                "The events are still being loaded from the database; retry in a few seconds."));
        return new EventsResult(snapshot, range, metrics);
    }
}
