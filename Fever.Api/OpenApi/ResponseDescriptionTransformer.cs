using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fever.Api.OpenApi;

/// <summary>Gives each documented response the description its <see cref="IProducesResponseTypeMetadata"/> carries, instead of the reason phrase.</summary>
public sealed class ResponseDescriptionTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var descriptions = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IProducesResponseTypeMetadata>()
            .Where(metadata => metadata.Description is not null)
            .ToDictionary(metadata => metadata.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), metadata => metadata.Description!);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (descriptions.TryGetValue(status, out var description) && response is OpenApiResponse concrete)
                concrete.Description = description;
        }
        return Task.CompletedTask;
    }
}
