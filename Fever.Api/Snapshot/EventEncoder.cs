using System.Text.Json;
using Fever.Api.Search;
using Fever.Data;

namespace Fever.Api.Snapshot;

/// <summary>Encodes a stored event as the spec's <c>EventSummary</c>: dates <c>yyyy-MM-dd</c>, times <c>HH:mm:ss</c>, prices as numbers.</summary>
public static class EventEncoder
{
    public static byte[] Encode(Event stored) =>
        JsonSerializer.SerializeToUtf8Bytes(new EventSummary
        {
            Id = stored.Id,
            Title = stored.Title,
            StartDate = DateOnly.FromDateTime(stored.StartsAt),
            StartTime = WholeSeconds(stored.StartsAt),
            EndDate = DateOnly.FromDateTime(stored.EndsAt),
            EndTime = WholeSeconds(stored.EndsAt),
            MinPrice = stored.MinPrice,
            MaxPrice = stored.MaxPrice,
        }, SearchJsonContext.Default.EventSummary);

    private static TimeOnly WholeSeconds(DateTime value) => new(value.Hour, value.Minute, value.Second);
}
