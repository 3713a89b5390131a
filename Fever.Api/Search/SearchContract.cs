using System.ComponentModel;

namespace Fever.Api.Search;

// The response shapes of spec/search-api.openapi.yaml. They drive the OpenAPI document and the encoding of
// each event in the snapshot; /search itself writes pre-encoded bytes in exactly these shapes.

/// <summary>The body of a 200: <c>{"data":{"events":[…]},"error":null}</c>.</summary>
public sealed class SearchResponse
{
    public required EventList Data { get; init; }

    public required object? Error { get; init; }
}

public sealed class EventList
{
    public required IReadOnlyList<EventSummary> Events { get; init; }
}

public sealed class EventSummary
{
    [Description("Stable identifier of the plan")]
    public required Guid Id { get; init; }

    public required string Title { get; init; }

    public required DateOnly StartDate { get; init; }

    public required TimeOnly? StartTime { get; init; }

    public required DateOnly? EndDate { get; init; }

    public required TimeOnly? EndTime { get; init; }

    [Description("Lowest zone price of the plan")]
    public required decimal? MinPrice { get; init; }

    [Description("Highest zone price of the plan")]
    public required decimal? MaxPrice { get; init; }
}

/// <summary>The body of every error: <c>{"error":{"code":"…","message":"…"},"data":null}</c>.</summary>
public sealed class ErrorResponse
{
    public required Error Error { get; init; }

    public required object? Data { get; init; }
}

public sealed class Error
{
    [Description("Machine-readable error code")]
    public required string Code { get; init; }

    [Description("What was wrong, for a person")]
    public required string Message { get; init; }
}
