using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fever.AppHost.Hosting;

/// <summary>
/// The resource service on the dashboard port: <c>GET /api/resources</c> lists every resource instance,
/// <c>GET /api/resources/{name}/logs?after=N</c> returns its console output after line N,
/// <c>POST /api/resources/{name}/commands/{stop|start|restart}</c> runs a command on it. A command needs the
/// header <c>X-Fever-Dashboard: 1</c>: a page of another site cannot send it without a CORS preflight, which is
/// never granted, so such a page cannot stop our resources from a browser on this machine.
/// </summary>
internal static class ResourceService
{
    public static IEndpointRouteBuilder MapResourceService(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/resources");
        api.MapGet("/", (ResourceNotificationService notifications) =>
            TypedResults.Json(notifications.GetSnapshots(), ResourceServiceJsonContext.Default.IReadOnlyListResourceSnapshot));
        api.MapGet("/{name}/logs", Results<JsonHttpResult<IReadOnlyList<NumberedLogLine>>, JsonHttpResult<ResourceServiceError>> (
            string name, long? after, ResourceNotificationService notifications, ResourceLoggerService logs) =>
            notifications.GetSnapshots().Any(s => s.Name == name)
                ? TypedResults.Json(logs.GetLogs(name, after ?? 0), ResourceServiceJsonContext.Default.IReadOnlyListNumberedLogLine)
                : TypedResults.Json(new ResourceServiceError($"There is no resource instance named '{name}'."),
                    ResourceServiceJsonContext.Default.ResourceServiceError, statusCode: StatusCodes.Status404NotFound));
        api.MapPost("/{name}/commands/{command}", ExecuteCommandAsync);
        return app;
    }

    public const string CommandHeader = "X-Fever-Dashboard";

    private static async Task<IResult> ExecuteCommandAsync(string name, string command, HttpContext context, ResourceOrchestrator orchestrator, ResourceNotificationService notifications)
    {
        if (context.Request.Headers[CommandHeader] != "1")
            return Error(StatusCodes.Status403Forbidden, $"A command needs the header {CommandHeader}: 1.");
        if (!Enum.TryParse<ResourceCommand>(command, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(command, out _))
            return Error(StatusCodes.Status400BadRequest, $"Unknown command '{command}': use stop, start or restart.");
        try
        {
            await orchestrator.ExecuteCommandAsync(name, parsed);
        }
        catch (KeyNotFoundException exception)
        {
            return Error(StatusCodes.Status404NotFound, exception.Message);
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
        {
            return Error(StatusCodes.Status409Conflict, exception.Message);
        }
        return TypedResults.Json(notifications.GetSnapshots().First(s => s.Name == name), ResourceServiceJsonContext.Default.ResourceSnapshot);
    }

    private static IResult Error(int status, string message) =>
        TypedResults.Json(new ResourceServiceError(message), ResourceServiceJsonContext.Default.ResourceServiceError, statusCode: status);
}

internal sealed record ResourceServiceError(string Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<ResourceSnapshot>))]
[JsonSerializable(typeof(IReadOnlyList<NumberedLogLine>))]
[JsonSerializable(typeof(ResourceServiceError))]
[JsonSerializable(typeof(ResourceSnapshot))]
internal sealed partial class ResourceServiceJsonContext : JsonSerializerContext;
