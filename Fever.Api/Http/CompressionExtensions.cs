using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Fever.Api.Http;

public static class CompressionExtensions
{
    /// <summary>Brotli or gzip (fastest level) for JSON answers of 1 KiB and more, when the client accepts it.</summary>
    public static IHostApplicationBuilder AddResponseCompressionForLargeAnswers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IResponseCompressionProvider, LargeResponseCompressionProvider>();
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // answers hold no secrets, so BREACH has nothing to extract
            options.MimeTypes = ["application/json"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }
}
