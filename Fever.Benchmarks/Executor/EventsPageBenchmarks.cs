using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Fever.Api.GraphQL;
using Fever.Api.Snapshot;
using Fever.Benchmarks.GraphQL;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fever.Benchmarks.Executor;

/// <summary>
/// BenchmarkDotNet: Fever.Api's GraphQL schema on our engine, in process, over a snapshot of 10,000 generated events
/// (the api scenario's size): one 50-event page executed and written as the response's JSON, without HTTP. The API's
/// own registrations build the services; PostgreSQL is never opened, since the fields asked read the snapshot.
/// </summary>
[MemoryDiagnoser]
public class EventsPageBenchmarks
{
    public const int BasePlans = 1_000;
    public const int PlansPerBase = 10;
    public const int ZonesPerPlan = 4;

    private readonly ArrayBufferWriter<byte> _response = new(64 * 1024);
    private IHost _host = null!;
    private GraphQLExecutor _executor = null!;
    private Utf8JsonWriter _writer = null!;
    private ExecutionRequest _filteredPage = null!;

    private static readonly ExecutionRequest FirstPageRequest = new(GraphQLQueries.FirstPageDocument);

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:feverdb"] = "Host=127.0.0.1;Database=unused" });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddEventSnapshot();
        builder.AddEventsGraphQL();
        _host = builder.Build();
        _host.Services.GetRequiredService<EventSnapshotStore>().Publish(GeneratedSnapshot.Build(BasePlans, PlansPerBase, ZonesPerPlan));
        _executor = _host.Services.GetRequiredService<GraphQLExecutor>();
        _writer = new Utf8JsonWriter(_response, ResponseWriter.Options);

        var cursor = Data(Run(new ExecutionRequest(
                "{ events(first: 50, order: [{minPrice: DESC}], where: {soldOut: {eq: false}}) { pageInfo { endCursor } } }")))
            .GetProperty("events").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        _filteredPage = new ExecutionRequest(
            "query($after: String) { events(first: 50, after: $after, order: [{minPrice: DESC}], where: {soldOut: {eq: false}, title: {contains: \"night\"}}) " +
            "{ totalCount edges { cursor node { id title startsAt minPrice zones { name price } } } } }",
            Variables: JsonDocument.Parse(JsonSerializer.Serialize(new { after = cursor })).RootElement);
        foreach (var request in new[] { FirstPageRequest, _filteredPage })
        {
            var events = Data(Run(request)).GetProperty("events");
            var page = events.TryGetProperty("nodes", out var nodes) ? nodes : events.GetProperty("edges");
            if (page.GetArrayLength() != 50)
                throw new BenchmarkException($"{request.Query} answered {page.GetArrayLength()} events, not a page of 50.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _host.Dispose();
    }

    /// <summary>The graphql scenario's request: the first page in start order, a listing's fields, the page's cursor.</summary>
    [Benchmark(Description = "first page")]
    public int FirstPage() => Run(FirstPageRequest);

    /// <summary>The same without writing the JSON: what execution alone costs.</summary>
    [Benchmark(Description = "first page, not written")]
    public int FirstPageExecuted() => _executor.ExecuteAsync(FirstPageRequest).GetAwaiter().GetResult().Errors.Count;

    /// <summary>A page after a cursor in another order (a sorted copy kept per snapshot), filtered, counted, with every cursor and zones.</summary>
    [Benchmark(Description = "filtered page by price")]
    public int FilteredPage() => Run(_filteredPage);

    private int Run(ExecutionRequest request)
    {
        // Every field asked reads the snapshot synchronously, so the task has completed.
        var result = _executor.ExecuteAsync(request).GetAwaiter().GetResult();
        _response.ResetWrittenCount();
        _writer.Reset(_response);
        ResponseWriter.Write(_writer, result);
        _writer.Flush();
        return _response.WrittenCount;
    }

    private JsonElement Data(int length)
    {
        using var document = JsonDocument.Parse(_response.WrittenMemory[..length]);
        if (document.RootElement.TryGetProperty("errors", out var errors))
            throw new BenchmarkException($"The executor answered errors: {errors}");
        return document.RootElement.GetProperty("data").Clone();
    }
}
