using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Fever.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Fever.GraphQL.Http;

/// <summary>
/// Reads a GraphQL-over-HTTP request: a POST of <c>application/json</c> or a GET with URL parameters. A request
/// that is not well-formed (body, media type, parameter types) gets a transport error: status and message.
/// </summary>
public static class HttpRequestReader
{
    public sealed record Failure(int StatusCode, string Message);

    public static async Task<(ExecutionRequest? Request, Failure? Failure)> ReadAsync(HttpRequest http, int maxBodyBytes, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(http.Method))
            return ReadGet(http.Query);

        if (http.ContentType is not { } contentType || !IsJson(contentType))
            return (null, new Failure(StatusCodes.Status415UnsupportedMediaType,
                "POST /graphql takes a body of Content-Type application/json: {\"query\": \"…\", \"variables\": {…}, \"operationName\": \"…\"}."));
        if (http.ContentLength > maxBodyBytes)
            return (null, BodyTooLarge(maxBodyBytes));

        // The whole body in the request's pipe, without copies: a GraphQL request is small and is parsed in one piece.
        var reader = http.BodyReader;
        ReadResult read;
        while (true)
        {
            read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > maxBodyBytes)
            {
                reader.AdvanceTo(read.Buffer.End);
                return (null, BodyTooLarge(maxBodyBytes));
            }
            if (read.IsCompleted)
                break;
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        try
        {
            return Parse(read.Buffer);
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.End);
        }
    }

    private static (ExecutionRequest?, Failure?) Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
            return (null, new Failure(StatusCodes.Status400BadRequest, "The request body is empty; send {\"query\": \"…\"}."));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return (null, new Failure(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {exception.Message}"));
        }
        using (document)
        {
            var json = document.RootElement;
            if (json.ValueKind != JsonValueKind.Object)
                return (null, new Failure(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a \"query\"."));
            var query = json.TryGetProperty("query", out var q) ? q : default;
            var operationName = json.TryGetProperty("operationName", out var o) ? o : default;
            var variables = json.TryGetProperty("variables", out var v) ? v : default;
            var extensions = json.TryGetProperty("extensions", out var e) ? e : default;
            return Build(query, operationName, variables, extensions, allowMutations: true);
        }
    }

    private static (ExecutionRequest?, Failure?) ReadGet(IQueryCollection query)
    {
        if (!query.TryGetValue("query", out var text) || text.Count != 1)
            return (null, new Failure(StatusCodes.Status400BadRequest, "GET /graphql needs one ?query= parameter (and optionally operationName, variables as JSON)."));
        if (!TryParseJsonParameter(query, "variables", out var variables, out var failure)
            || !TryParseJsonParameter(query, "extensions", out var extensions, out failure))
            return (null, failure);
        if (MapFailure(variables, extensions) is { } notMap)
            return (null, notMap);
        var operationName = query["operationName"].FirstOrDefault();
        return (new ExecutionRequest(text.ToString(), string.IsNullOrEmpty(operationName) ? null : operationName,
            variables.ValueKind == JsonValueKind.Object ? variables : null) { AllowMutations = false }, null);
    }

    private static bool TryParseJsonParameter(IQueryCollection query, string name, out JsonElement value, out Failure? failure)
    {
        value = default;
        failure = null;
        if (!query.TryGetValue(name, out var text) || string.IsNullOrEmpty(text.ToString()))
            return true;
        try
        {
            using var document = JsonDocument.Parse(text.ToString());
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            failure = new Failure(StatusCodes.Status400BadRequest, $"The {name} parameter is not valid JSON.");
            return false;
        }
    }

    private static (ExecutionRequest?, Failure?) Build(JsonElement query, JsonElement operationName, JsonElement variables, JsonElement extensions, bool allowMutations)
    {
        if (query.ValueKind != JsonValueKind.String)
            return (null, new Failure(StatusCodes.Status400BadRequest, query.ValueKind == JsonValueKind.Undefined
                ? "The request has no \"query\"."
                : "\"query\" must be a string holding a GraphQL document."));
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
            return (null, new Failure(StatusCodes.Status400BadRequest, "\"operationName\" must be a string or null."));
        if (MapFailure(variables, extensions) is { } notMap)
            return (null, notMap);
        return (new ExecutionRequest(query.GetString()!, operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null,
            variables.ValueKind == JsonValueKind.Object ? variables.Clone() : null) { AllowMutations = allowMutations }, null);
    }

    private static Failure? MapFailure(JsonElement variables, JsonElement extensions) =>
        variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object)
            ? new Failure(StatusCodes.Status400BadRequest, "\"variables\" must be a map (a JSON object) or null.")
            : extensions.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object)
                ? new Failure(StatusCodes.Status400BadRequest, "\"extensions\" must be a map (a JSON object) or null.")
                : null;

    private static bool IsJson(string contentType)
    {
        if (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return true;
        var mediaType = contentType.Split(';')[0].Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            return false;
        var charset = contentType.Split(';').Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase));
        return charset is null || charset[8..].Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static Failure BodyTooLarge(int maxBodyBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBodyBytes} bytes.");
}
