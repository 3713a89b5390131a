using System.Net;
using Fever.ProviderSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fever.Benchmarks.Api;

/// <summary>
/// The reference of the API benchmark: the least work any ASP.NET Core server could do for the same requests. A minimal
/// Kestrel endpoint in this process answers each <see cref="SearchQuery"/> with the bytes and content type the API gave
/// it, looked up by query string: no parsing, no search, no encoding, no middleware.
/// </summary>
public sealed class CeilingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CeilingServer(IReadOnlyList<SearchQuery> queries)
    {
        var answers = queries.ToDictionary(q => q.QueryString, q => q.Answer);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet(SearchQuery.Path, context => AnswerAsync(context, answers));
    }

    /// <summary>Where the ceiling listens, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri BaseAddress => new(_app.Urls.First() + "/");

    public static async Task<CeilingServer> StartAsync(IReadOnlyList<SearchQuery> queries, CancellationToken cancellationToken)
    {
        var ceiling = new CeilingServer(queries);
        try
        {
            await ceiling._app.StartAsync(cancellationToken);
            return ceiling;
        }
        catch
        {
            await ceiling._app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext context, Dictionary<string, SearchAnswer> answers)
    {
        var response = context.Response;
        if (!answers.TryGetValue(context.Request.QueryString.Value ?? "", out var answer))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        response.ContentType = answer.ContentType;
        response.ContentLength = answer.Body.Length;
        await response.BodyWriter.WriteAsync(answer.Body, context.RequestAborted);
    }
}
