using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fever.Api.OpenApi;

/// <summary>
/// Two schema details as the spec writes them: prices are plain <c>number</c>s (a decimal is exact, not a
/// <c>double</c>), and the envelope's unused half (<c>error</c> of a 200, <c>data</c> of an error) is a nullable object.
/// </summary>
public sealed class SpecSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(decimal) || type == typeof(decimal?))
            schema.Format = null;
        else if (type == typeof(object))
            schema.Type = JsonSchemaType.Object | JsonSchemaType.Null;
        return Task.CompletedTask;
    }
}
