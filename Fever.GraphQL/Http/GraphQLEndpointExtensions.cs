using System.Text.Json;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fever.GraphQL.Http;

public static class GraphQLEndpointExtensions
{
    public const string HttpContextKey = "HttpContext";

    /// <summary>The schema (built once from the services) and its executor; limits bound from the "GraphQL" section.</summary>
    public static IServiceCollection AddGraphQLServer(this IServiceCollection services, Func<IServiceProvider, Schema> buildSchema)
    {
        services.AddOptions<ExecutionOptions>().BindConfiguration(ExecutionOptions.SectionName)
            .Validate(o => o.MaxDepth > 0 && o.MaxFields > 0 && o.MaxCost > 0 && o.MaxTokens > 0 && o.MaxDocumentLength > 0 && o.MaxRequestBytes > 0,
                "GraphQL limits must be positive.")
            .Validate(o => o.DefaultPageSize > 0 && o.MaxPageSize >= o.DefaultPageSize, "GraphQL:DefaultPageSize must be positive and at most GraphQL:MaxPageSize.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "GraphQL:Timeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton(buildSchema);
        services.AddSingleton<GraphQLExecutor>();
        return services;
    }

    /// <summary>
    /// GraphQL over HTTP on <paramref name="pattern"/>: POST (application/json) and GET (queries only), answered in
    /// <c>application/graphql-response+json</c> or <c>application/json</c> as the client accepts; <c>GET ?sdl</c> gives the schema.
    /// </summary>
    public static RouteHandlerBuilder MapGraphQL(this IEndpointRouteBuilder app, string pattern = "/graphql") =>
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], HandleAsync)
            .WithName("graphql")
            .WithSummary("GraphQL over HTTP")
            .WithTags("GraphQL")
            .ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext context, GraphQLExecutor executor, IOptions<ExecutionOptions> options)
    {
        var response = context.Response;
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Query.ContainsKey("sdl"))
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(executor.Sdl, context.RequestAborted);
            return;
        }

        var mediaType = MediaTypes.Negotiate(context.Request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteAsync(response, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                Failed("Accept application/graphql-response+json or application/json.", ErrorCodes.BadRequest));
            return;
        }

        var (request, failure) = await HttpRequestReader.ReadAsync(context.Request, options.Value.MaxRequestBytes, context.RequestAborted);
        if (failure is not null)
        {
            await WriteAsync(response, failure.StatusCode, mediaType, Failed(failure.Message, ErrorCodes.BadRequest));
            return;
        }

        var result = await executor.ExecuteAsync(request! with
        {
            Services = context.RequestServices,
            ContextData = new Dictionary<string, object?> { [HttpContextKey] = context },
        }, context.RequestAborted);

        if (result.IsMutationNotAllowed)
        {
            response.Headers.Allow = "POST";
            await WriteAsync(response, StatusCodes.Status405MethodNotAllowed, mediaType, result);
            return;
        }
        var status = !result.HasData && mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteAsync(response, status, mediaType, result);
    }

    private static ExecutionResult Failed(string message, string code) => ExecutionResult.RequestError(new GraphQLError(message, code));

    private static async Task WriteAsync(HttpResponse response, int status, string mediaType, ExecutionResult result)
    {
        response.StatusCode = status;
        response.ContentType = mediaType + "; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, ResponseWriter.Options))
            ResponseWriter.Write(writer, result);
        await response.BodyWriter.FlushAsync();
    }

}
