using System.Text.Json;
using Fever.Api.Search;

namespace Fever.Api.Snapshot;

/// <summary>Encodes a stored event as the spec's <c>EventSummary</c>: dates <c>yyyy-MM-dd</c>, times <c>HH:mm:ss</c>, prices as numbers.</summary>
public static class EventEncoder
{
    public static byte[] Encode(Guid id, string title, DateTime startsAt, DateTime endsAt, decimal? minPrice, decimal? maxPrice) =>
        JsonSerializer.SerializeToUtf8Bytes(new EventSummary
        {
            Id = id,
            Title = title,
            StartDate = DateOnly.FromDateTime(startsAt),
            StartTime = WholeSeconds(startsAt),
            EndDate = DateOnly.FromDateTime(endsAt),
            EndTime = WholeSeconds(endsAt),
            MinPrice = minPrice,
            MaxPrice = maxPrice,
        }, SearchJsonContext.Default.EventSummary);

    private static TimeOnly WholeSeconds(DateTime value) => new(value.Hour, value.Minute, value.Second);
}
