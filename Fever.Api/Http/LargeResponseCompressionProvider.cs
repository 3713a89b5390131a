using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Fever.Api.Http;

/// <summary>Compresses only answers of a known length of at least <see cref="MinimumBytes"/>: small ones cost more to compress than they save.</summary>
public sealed class LargeResponseCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public const int MinimumBytes = 1024;

    public override bool ShouldCompressResponse(HttpContext context) =>
        context.Response.ContentLength is null or >= MinimumBytes && base.ShouldCompressResponse(context);
}
