using System.Text.Json;
using Fever.Api.Search;

namespace Fever.Api.Http;

/// <summary>Writes the spec's error body, <c>{"error":{"code","message"},"data":null}</c>, for every error the API answers.</summary>
public static class ErrorEnvelope
{
    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        var response = context.Response;
        response.StatusCode = error.StatusCode;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        var body = new ErrorResponse { Error = new Error { Code = error.Code, Message = error.Message }, Data = null };
        return JsonSerializer.SerializeAsync(response.Body, body, SearchJsonContext.Default.ErrorResponse, context.RequestAborted);
    }
}
