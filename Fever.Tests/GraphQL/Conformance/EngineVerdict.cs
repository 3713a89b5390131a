using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// Our engine's verdict on a document, as a client sees it: POSTed to <c>/graphql</c> with
/// <c>Accept: application/graphql-response+json</c> and no variables (validation comes before variable coercion),
/// the document is <c>invalid</c> when an error of the answer has the code GRAPHQL_PARSE_FAILED or
/// GRAPHQL_VALIDATION_FAILED, else <c>valid</c>; an answer that is no GraphQL response gets neither.
/// </summary>
public sealed record EngineVerdict(string Verdict, int Status, IReadOnlyList<string> Errors)
{
    private static readonly HashSet<string> RejectionCodes = ["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"];

    public static async Task<EngineVerdict> JudgeAsync(HttpClient http, string document, string? operationName = null)
    {
        var body = new JsonObject { ["query"] = document };
        if (operationName is not null)
            body["operationName"] = operationName;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();

        JsonElement answer;
        try
        {
            answer = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            return new EngineVerdict("no GraphQL response", status, [text.Length > 300 ? text[..300] + "…" : text]);
        }
        if (answer.ValueKind != JsonValueKind.Object)
            return new EngineVerdict("no GraphQL response", status, [text]);

        var errors = answer.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        var codes = errors.Select(Code).ToList();
        var verdict = codes.Any(code => code is not null && RejectionCodes.Contains(code)) ? "invalid" : "valid";
        return new EngineVerdict(verdict, status, errors.Select((error, i) => $"[{codes[i] ?? "no code"}] {Message(error)}").ToList());
    }

    private static string? Code(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            && extensions.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    private static string Message(JsonElement error) =>
        error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString()! : error.GetRawText();
}
