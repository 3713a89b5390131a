using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fever.AppHost.Dashboard.Pages;

/// <summary>The pages' stylesheet and scripts, embedded in the AppHost (Assets/) and served under <c>/assets/</c>.</summary>
internal static class DashboardAssets
{
    private const string ResourcePrefix = "Dashboard/Assets/";

    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Assets = Load();

    public static IEndpointRouteBuilder MapDashboardAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
                return Results.NotFound();
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(asset.Content, asset.ContentType);
        });
        return app;
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[ResourcePrefix.Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var content = new MemoryStream();
                stream.CopyTo(content);
                return (content.ToArray(), ContentType(name));
            });
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        _ => throw new InvalidOperationException($"The dashboard has no content type for {name}."),
    };
}
