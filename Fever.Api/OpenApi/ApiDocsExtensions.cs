using System.Text.Json;
using System.Text.Json.Serialization;
using Fever.Api.Search;
using Microsoft.OpenApi;

namespace Fever.Api.OpenApi;

public static class ApiDocsExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The OpenAPI 3.0 document of the API, shaped like spec/search-api.openapi.yaml.</summary>
    public static IHostApplicationBuilder AddApiDocs(this IHostApplicationBuilder builder)
    {
        // The JSON conventions of the spec: snake_case names, numbers only as numbers. The document's schemas follow them.
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, SearchJsonContext.Default);
        });
        builder.Services.AddOpenApi(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Fever Providers API", Version = "1.0.0" };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ResponseDescriptionTransformer>();
            options.AddOperationTransformer<DateTimeParameterTransformer>();
            options.AddSchemaTransformer<SpecSchemaTransformer>();
        });
        return builder;
    }

    /// <summary><c>/openapi/v1.json</c> and Swagger UI on <c>/docs</c> (its middleware only sees requests under <c>/docs</c>).</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/docs"), docs => docs.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "docs";
            options.DocumentTitle = "Fever Providers API";
            options.SwaggerEndpoint(DocumentPath, "Fever Providers API 1.0.0");
        }));
        return app;
    }
}
