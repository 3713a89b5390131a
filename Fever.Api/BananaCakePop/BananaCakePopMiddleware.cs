using Microsoft.Net.Http.Headers;

namespace Fever.Api.BananaCakePop;

/// <summary>
/// Serves Banana Cake Pop as HotChocolate does, beside the GraphQL endpoint on the same path: a browser's
/// <c>GET /graphql</c> is sent on to <c>/graphql/</c> (the IDE's index.html loads its assets by relative URLs),
/// <c>GET /graphql/…</c> answers the IDE's files and its <c>bcp-config.json</c>. Everything else, every POST and
/// every GET that carries an operation (<c>query</c>) or asks for the schema (<c>sdl</c>), goes on to the endpoint.
/// </summary>
public sealed class BananaCakePopMiddleware(RequestDelegate next, BananaCakePopFiles files, BananaCakePopOptions options)
{
    private static readonly PathString GraphQLPath = "/graphql";
    private const string ConfigFile = "/bcp-config.json";
    private const string HashedAssets = "/static";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            || !request.Path.StartsWithSegments(GraphQLPath, out var subpath))
            return next(context);

        // Routing takes /graphql/ for the endpoint too.
        var atEndpoint = !subpath.HasValue || subpath.Value == "/";
        if (atEndpoint && (request.Query.ContainsKey("query") || request.Query.ContainsKey("sdl")))
            return next(context);
        if (!subpath.HasValue)
            return AcceptsHtml(request) ? RedirectToIde(context) : next(context);

        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        if (subpath.Value is "/" or "/index.html")
            return ServeFile(context, "/index.html", CacheControlHeaderValue.NoCacheString);
        if (subpath.Value == ConfigFile)
            return ServeConfig(context);
        return ServeFile(context, subpath.Value,
            // The build names everything under static/ by its content hash: a changed file is a new URL.
            subpath.StartsWithSegments(HashedAssets) ? "public, max-age=31536000, immutable" : CacheControlHeaderValue.NoCacheString);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static Task RedirectToIde(HttpContext context)
    {
        var request = context.Request;
        return TypedResults.Redirect($"{request.PathBase}{GraphQLPath}/{request.QueryString}").ExecuteAsync(context);
    }

    private Task ServeFile(HttpContext context, string subpath, string cacheControl)
    {
        if (!files.TryGet(subpath, out var file, out var contentType))
            return TypedResults.NotFound().ExecuteAsync(context);
        context.Response.Headers.CacheControl = cacheControl;
        return TypedResults.PhysicalFile(file.PhysicalPath!, contentType, lastModified: file.LastModified).ExecuteAsync(context);
    }

    /// <summary>Points the IDE at the endpoint under the address the browser used, whatever host or port that was.</summary>
    private Task ServeConfig(HttpContext context)
    {
        var request = context.Request;
        var endpoint = $"{request.Scheme}://{request.Host}{request.PathBase}{GraphQLPath}";
        context.Response.Headers.CacheControl = CacheControlHeaderValue.NoCacheString;
        return TypedResults.Json(new BananaCakePopConfig(options.Title, endpoint), BananaCakePopJsonContext.Default.BananaCakePopConfig)
            .ExecuteAsync(context);
    }
}
