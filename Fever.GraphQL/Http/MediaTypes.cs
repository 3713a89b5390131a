using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Fever.GraphQL.Http;

/// <summary>The response media types of GraphQL over HTTP and how a request's Accept header picks one.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer in, by the client's q-values (graphql-response+json on a tie); no Accept header, or
    /// a wildcard, means application/json. Null if the client accepts neither.
    /// </summary>
    public static string? Negotiate(StringValues accept)
    {
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
            return Json;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var values))
            return Json;
        string? best = null;
        double bestQuality = 0;
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1;
            var candidate = value.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponse => GraphQLResponse,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };
            if (candidate is null || quality <= 0)
                continue;
            if (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse))
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }
}
