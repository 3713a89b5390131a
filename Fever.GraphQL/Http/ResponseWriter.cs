using System.Text.Json;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Types.Scalars;

namespace Fever.GraphQL.Http;

/// <summary>Writes a result as the spec's response map: <c>errors</c> first when there are any, then <c>data</c> if executed.</summary>
public static class ResponseWriter
{
    /// <summary>
    /// The options of the writer to use: text as is where JSON allows it, and no validation of each token, since
    /// <see cref="Write"/> writes well-formed JSON by construction.
    /// </summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in result.Errors)
                WriteError(writer, error);
            writer.WriteEndArray();
        }
        if (result.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }
        writer.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WriteStartArray("locations");
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is { Count: > 0 } path)
        {
            writer.WriteStartArray("path");
            foreach (var segment in path)
            {
                if (segment is int index)
                    writer.WriteNumberValue(index);
                else
                    writer.WriteStringValue((string)segment);
            }
            writer.WriteEndArray();
        }
        writer.WriteStartObject("extensions");
        writer.WriteString("code", error.Code);
        foreach (var (name, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            // Values that scalars leave to the writer, to save a string each: UUID's and DateTime's.
            case Guid id: writer.WriteStringValue(id); break;
            case DateTime time: DateTimeType.WriteTo(writer, time); break;
            case EncodedValue encoded: writer.WriteRawValue(encoded.Utf8Json.Span, skipInputValidation: true); break;
            case ResultMap map:
                writer.WriteStartObject();
                foreach (var (name, item) in map)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                    WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
