using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Fever.Data;
using Fever.GraphQL;

namespace Fever.Api.GraphQL;

/// <summary>
/// An opaque keyset cursor: the sort keys' values of one event and the order they belong to, as base64url JSON
/// (<c>{"Order":"startsAt:ASC,id:ASC","Keys":[…]}</c>). A page after a cursor starts strictly after those values, so
/// events added meanwhile neither repeat nor hide others.
/// </summary>
public static class EventCursor
{
    public const string InvalidCursor = "INVALID_CURSOR";

    private sealed record Payload(string Order, JsonElement[] Keys);

    public static string Encode(EventOrder order, Event item)
    {
        var json = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(Payload.Order), order.Signature);
            writer.WriteStartArray(nameof(Payload.Keys));
            foreach (var key in order.Keys)
                JsonSerializer.Serialize(writer, key.Field.Key(item), key.Field.KeyType);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Base64Url.EncodeToString(json.WrittenSpan);
    }

    public static IReadOnlyList<object?> Decode(EventOrder order, string cursor)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw Invalid("is not a cursor this API issued");
        }
        if (payload is null || payload.Keys is null || payload.Keys.Length != order.Keys.Count)
            throw Invalid("is not a cursor this API issued");
        if (payload.Order != order.Signature)
            throw Invalid($"belongs to the order {payload.Order}, not {order.Signature}; page with the order the cursor came from");
        try
        {
            return order.Keys.Select((k, i) => payload.Keys[i].Deserialize(k.Field.KeyType)).ToList();
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            throw Invalid("is not a cursor this API issued");
        }
    }

    private static GraphQLException Invalid(string why) => new($"The cursor {why}.", InvalidCursor);
}
