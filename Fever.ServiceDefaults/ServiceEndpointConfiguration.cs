using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Aspire's service-reference convention: the AppHost injects <c>services__{name}__http__0=http://…</c>.</summary>
public static class ServiceEndpointConfiguration
{
    /// <summary>The first endpoint injected for service <paramref name="serviceName"/> (https preferred), or null.</summary>
    public static Uri? GetServiceEndpoint(this IConfiguration configuration, string serviceName)
    {
        var value = configuration[$"services:{serviceName}:https:0"] ?? configuration[$"services:{serviceName}:http:0"];
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
    }
}
