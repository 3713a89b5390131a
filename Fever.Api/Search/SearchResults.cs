using System.Buffers;
using System.Reflection;
using Fever.Api.Http;
using Fever.Api.Snapshot;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Fever.Api.Search;

/// <summary>
/// A 200 of /search: the envelope around the matching events' pre-encoded JSON, with a weak ETag of the
/// snapshot's version (a 304 when the client already has it) and an exact Content-Length. A 200's event count
/// goes to <see cref="ApiMetrics.RecordSearchResults"/>.
/// </summary>
public sealed class EventsResult(EventSnapshot snapshot, SearchRange range, ApiMetrics metrics) : IResult, IEndpointMetadataProvider
{
    private static ReadOnlySpan<byte> Prefix => """{"data":{"events":["""u8;
    private static ReadOnlySpan<byte> Suffix => """]},"error":null}"""u8;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = snapshot.ETag;
        response.Headers.CacheControl = "no-cache";
        if (HasCurrentCopy(httpContext.Request, snapshot.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var match = snapshot.Find(range.From, range.To);
        metrics.RecordSearchResults(match.Count);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = Prefix.Length + match.ByteLength + Suffix.Length;
        var writer = response.BodyWriter;
        writer.Write(Prefix);
        await match.WriteToAsync(writer, httpContext.RequestAborted);
        writer.Write(Suffix);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    private static bool HasCurrentCopy(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
            return false;
        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SearchResponse), ["application/json"])
        {
            Description = "List of plans",
        });
}

/// <summary>An error of /search in the spec's envelope.</summary>
public sealed class ErrorResult(ApiError error) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext httpContext) => ErrorEnvelope.WriteAsync(httpContext, error);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(Produces(StatusCodes.Status400BadRequest,
            "The request was not correctly formed (missing required parameters, wrong types...)"));
        builder.Metadata.Add(Produces(StatusCodes.Status429TooManyRequests, "Too many requests from this client; retry after the Retry-After header's seconds"));
        builder.Metadata.Add(Produces(StatusCodes.Status500InternalServerError, "Generic error"));
        builder.Metadata.Add(Produces(StatusCodes.Status503ServiceUnavailable, "The events are still being loaded at start-up; retry shortly"));
    }

    private static ProducesResponseTypeMetadata Produces(int statusCode, string description) =>
        new(statusCode, typeof(ErrorResponse), ["application/json"]) { Description = description };
}
