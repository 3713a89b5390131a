using System.Text.Json.Nodes;
using Fever.Api.Search;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fever.Api.OpenApi;

/// <summary>
/// Documents /search's bounds as <c>format: date-time</c> strings. They are bound as strings so that
/// <see cref="SearchRange"/> can explain what is wrong with a bad one, rather than the binder refusing it.
/// </summary>
public sealed class DateTimeParameterTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Examples = new()
    {
        [SearchRange.StartsAt] = "2017-07-21T17:32:28Z",
        [SearchRange.EndsAt] = "2021-07-21T17:32:28Z",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Query, Schema: OpenApiSchema schema } concrete
                && concrete.Name is { } name && Examples.TryGetValue(name, out var example))
            {
                schema.Format = "date-time";
                schema.Examples = [JsonValue.Create(example)];
            }
        }
        return Task.CompletedTask;
    }
}
