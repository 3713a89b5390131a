using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fever.AppHost.Hosting;

/// <summary>
/// The resource service on the dashboard port: <c>GET /api/resources</c> lists every resource instance,
/// <c>GET /api/resources/{name}/logs?after=N</c> returns its console output after line N.
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
        return app;
    }
}

internal sealed record ResourceServiceError(string Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<ResourceSnapshot>))]
[JsonSerializable(typeof(IReadOnlyList<NumberedLogLine>))]
[JsonSerializable(typeof(ResourceServiceError))]
internal sealed partial class ResourceServiceJsonContext : JsonSerializerContext;
