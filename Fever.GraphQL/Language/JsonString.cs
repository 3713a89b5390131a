using System.Text.Encodings.Web;
using System.Text.Json;

namespace Fever.GraphQL.Language;

/// <summary>A string as a quoted GraphQL/JSON string literal (the two agree for what we print).</summary>
public static class JsonString
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Quote(string value) => JsonSerializer.Serialize(value, Options);
}
