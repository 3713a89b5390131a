using System.Diagnostics;
using Fever.GraphQL;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Types;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fever.Tests.Telemetry;

/// <summary>The spans of a request through the real executor, as an OpenTelemetry exporter would receive them.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class GraphQLTracingTests
{
    private const string ItemsQuery = "query Items { items { name } }";

    private static Schema Schema()
    {
        var item = new ObjectType("Item")
            .Field<string>("name", BuiltInScalars.String.NonNull(), name => name)
            .Field<string>("broken", BuiltInScalars.String, _ => throw new GraphQLException("Broken on purpose.", "BROKEN"));
        return new Schema(new ObjectType("Query")
            .Field(new FieldDefinition("items", item.NonNull().List().NonNull(), _ => new ValueTask<object?>(new[] { "a", "b" }))));
    }

    private static GraphQLExecutor Executor() =>
        new(Schema(), Options.Create(new ExecutionOptions()), NullLogger<GraphQLExecutor>.Instance);

    [Fact]
    public async Task A_query_is_an_operation_span_with_parse_validate_and_execute_under_it()
    {
        using var trace = new TraceRecorder(GraphQLTelemetry.SourceName);

        var result = await Executor().ExecuteAsync(new ExecutionRequest(ItemsQuery));

        Assert.Empty(result.Errors);
        var operation = trace.Single("query Items");
        Assert.Equal(trace.Root.SpanId, operation.ParentSpanId);
        Assert.Equal(ActivityKind.Internal, operation.Kind);
        Assert.Equal("Items", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal(ItemsQuery, operation.GetTagItem("graphql.document"));
        Assert.Equal(false, operation.GetTagItem("fever.graphql.document.cached"));
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.Equal(["graphql parse", "graphql validate", "graphql execute"],
            trace.ChildrenOf(operation).OrderBy(span => span.StartTimeUtc).Select(span => span.DisplayName));
    }

    [Fact]
    public async Task A_document_from_the_cache_is_executed_without_parse_and_validate_spans()
    {
        var executor = Executor();
        await executor.ExecuteAsync(new ExecutionRequest(ItemsQuery));
        using var trace = new TraceRecorder(GraphQLTelemetry.SourceName);

        await executor.ExecuteAsync(new ExecutionRequest(ItemsQuery));

        var operation = trace.Single("query Items");
        Assert.Equal(true, operation.GetTagItem("fever.graphql.document.cached"));
        Assert.Equal(["graphql execute"], trace.ChildrenOf(operation).Select(span => span.DisplayName));
    }

    [Fact]
    public async Task An_invalid_document_fails_its_validate_span_and_its_operation_span_and_is_not_executed()
    {
        using var trace = new TraceRecorder(GraphQLTelemetry.SourceName);

        await Executor().ExecuteAsync(new ExecutionRequest("query Items { items { price } }"));

        var operation = trace.Single("GraphQL Operation"); // refused before an operation was chosen
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        var validate = trace.Single("graphql validate");
        Assert.Equal(ActivityStatusCode.Error, validate.Status);
        Assert.Contains("price", validate.StatusDescription);
        Assert.DoesNotContain(trace.Spans, span => span.DisplayName == "graphql execute");
    }

    [Fact]
    public async Task A_field_error_fails_the_execute_span_and_the_operation_span()
    {
        using var trace = new TraceRecorder(GraphQLTelemetry.SourceName);

        var result = await Executor().ExecuteAsync(new ExecutionRequest("{ items { broken } }"));

        Assert.NotEmpty(result.Errors);
        var operation = trace.Single("query");
        Assert.Null(operation.GetTagItem("graphql.operation.name"));
        Assert.Equal((ActivityStatusCode.Error, "Broken on purpose."), (operation.Status, operation.StatusDescription));
        Assert.Equal(ActivityStatusCode.Error, trace.Single("graphql execute").Status);
    }

    [Fact]
    public async Task A_long_document_is_left_out_of_the_span()
    {
        using var trace = new TraceRecorder(GraphQLTelemetry.SourceName);
        var query = "query Items { items { name } }" + new string(' ', GraphQLTelemetry.MaxDocumentTagLength);

        await Executor().ExecuteAsync(new ExecutionRequest(query));

        Assert.Null(trace.Single("query Items").GetTagItem("graphql.document"));
    }
}
