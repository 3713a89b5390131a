using System.Diagnostics;
using Fever.GraphQL.Execution;
using Fever.GraphQL.Language;

namespace Fever.GraphQL;

/// <summary>
/// The engine's traces, on the activity source "Fever.GraphQL", after the OpenTelemetry GraphQL conventions' attributes:
/// one span per request, named as HotChocolate names it, by operation type and name ("query Items"; "query" for an
/// anonymous one; "GraphQL Operation" while the operation is unknown), with
/// "graphql parse", "graphql validate" and "graphql execute" under it. A document from the executor's cache is not
/// parsed nor validated again: its operation span says so (<c>fever.graphql.document.cached</c>) and has no such children.
/// </summary>
public static class GraphQLTelemetry
{
    public const string SourceName = "Fever.GraphQL";

    /// <summary>Longer documents are left out of <c>graphql.document</c>.</summary>
    public const int MaxDocumentTagLength = 2048;

    internal static readonly ActivitySource Source = new(SourceName);

    /// <remarks>
    /// Internal rather than the conventions' Server: over HTTP, ASP.NET Core's span is already this request's server span.
    /// </remarks>
    internal static Activity? StartOperation(string document)
    {
        var activity = Source.StartActivity("GraphQL Operation");
        if (activity is { IsAllDataRequested: true } && document.Length <= MaxDocumentTagLength)
            activity.SetTag("graphql.document", document);
        return activity;
    }

    internal static void SetOperation(this Activity activity, OperationDefinition operation)
    {
        var type = operation.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "query",
        };
        activity.DisplayName = operation.Name is { } name ? $"{type} {name}" : type;
        activity.SetTag("graphql.operation.type", type);
        activity.SetTag("graphql.operation.name", operation.Name);
    }

    internal static void SetErrors(this Activity activity, IReadOnlyList<GraphQLError> errors)
    {
        if (errors.Count > 0)
            activity.SetStatus(ActivityStatusCode.Error, errors[0].Message);
    }
}
