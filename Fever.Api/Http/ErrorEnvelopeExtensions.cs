using Fever.Api.Search;

namespace Fever.Api.Http;

public static class ErrorEnvelopeExtensions
{
    /// <summary>
    /// Unhandled exceptions become a 500 and body-less error statuses (404, 405…) get a body, both in the
    /// error envelope: no HTML, no ProblemDetails, no stack trace. The exception itself is logged.
    /// </summary>
    public static WebApplication UseErrorEnvelope(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => ErrorEnvelope.WriteAsync(context, new ApiError(
                StatusCodes.Status500InternalServerError, ErrorCodes.InternalError,
                $"The server failed to answer; the error is logged under request id {context.TraceIdentifier}. Try again; if it persists, report that id.")),
        });
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var error = status switch
            {
                StatusCodes.Status404NotFound => new ApiError(status, ErrorCodes.NotFound,
                    $"There is nothing at {http.Request.Path}; the API serves GET /search, /graphql, /openapi/v1.json and /docs."),
                StatusCodes.Status405MethodNotAllowed => new ApiError(status, ErrorCodes.MethodNotAllowed,
                    $"{http.Request.Method} is not allowed on {http.Request.Path}; use GET."),
                _ => new ApiError(status, $"http_{status}", $"The request failed with HTTP status {status}."),
            };
            return ErrorEnvelope.WriteAsync(http, error);
        });
        return app;
    }
}
