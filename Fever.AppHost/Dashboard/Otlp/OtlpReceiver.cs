using System.IO.Compression;
using Fever.AppHost.Dashboard.Otlp.Proto;
using Fever.AppHost.Dashboard.Telemetry;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fever.AppHost.Dashboard.Otlp;

/// <summary>
/// OTLP/HTTP with binary protobuf (<c>POST /v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>), as the
/// OpenTelemetry exporters send it when <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>. Gzip bodies are
/// accepted. OTLP/JSON and gRPC are not: a JSON body gets 415.
/// </summary>
public static class OtlpReceiver
{
    public const string ProtobufContentType = "application/x-protobuf";

    /// <summary>The largest body read, uncompressed.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapOtlpReceiver(this IEndpointRouteBuilder app)
    {
        var otlp = app.MapGroup("/v1");
        otlp.MapPost("/traces", (HttpContext context, TelemetryRepository repository) =>
            ReceiveAsync(context, ExportTraceServiceRequest.Parser, request => OtlpTranslator.AddTraces(repository, request), new ExportTraceServiceResponse()));
        otlp.MapPost("/logs", (HttpContext context, TelemetryRepository repository) =>
            ReceiveAsync(context, ExportLogsServiceRequest.Parser, request => OtlpTranslator.AddLogs(repository, request), new ExportLogsServiceResponse()));
        otlp.MapPost("/metrics", (HttpContext context, TelemetryRepository repository) =>
            ReceiveAsync(context, ExportMetricsServiceRequest.Parser, request => OtlpTranslator.AddMetrics(repository, request), new ExportMetricsServiceResponse()));
        return otlp;
    }

    private static async Task<IResult> ReceiveAsync<TRequest>(HttpContext context, MessageParser<TRequest> parser, Action<TRequest> keep, IMessage response)
        where TRequest : IMessage<TRequest>
    {
        if (!IsProtobuf(context.Request.ContentType))
            return Results.Text($"Only OTLP/HTTP binary protobuf is accepted (Content-Type: {ProtobufContentType}).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        MemoryStream body;
        try
        {
            body = await ReadBodyAsync(context.Request, context.RequestAborted);
        }
        catch (InvalidDataException exception)
        {
            return Results.Text(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BodyTooLargeException)
        {
            return Results.Text($"The body is over {MaxBodyBytes / (1024 * 1024)} MiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        TRequest request;
        try
        {
            using (body)
                request = parser.ParseFrom(body.GetBuffer(), 0, (int)body.Length);
        }
        catch (InvalidProtocolBufferException exception)
        {
            return Results.Text($"The body is not a valid {typeof(TRequest).Name}: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        keep(request);
        return Results.Bytes(response.ToByteArray(), ProtobufContentType);
    }

    private static bool IsProtobuf(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(ProtobufContentType, StringComparison.OrdinalIgnoreCase);

    private static async Task<MemoryStream> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        Stream body = encoding switch
        {
            "" or "identity" => request.Body,
            "gzip" => new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true),
            _ => throw new InvalidDataException($"Content-Encoding '{encoding}' is not supported (gzip is)."),
        };
        try
        {
            // Sized by Content-Length when there is one, so that the body is copied once.
            var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 0, 0, MaxBodyBytes));
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                    throw new BodyTooLargeException();
                buffer.Write(chunk, 0, read);
            }
            return buffer;
        }
        finally
        {
            if (body != request.Body)
                await body.DisposeAsync();
        }
    }

    private sealed class BodyTooLargeException : Exception;
}
