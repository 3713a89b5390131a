using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;
using Fever.GraphQL.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fever.GraphQL.Execution;

/// <summary>
/// Runs requests against one schema: size and token limits, parse, shape limits, validation (documents that pass
/// are cached by their text), operation selection, variable coercion, cost limit, then execution under a timeout.
/// Traced by <see cref="GraphQLTelemetry"/>.
/// </summary>
public sealed class GraphQLExecutor(Schema schema, IOptions<ExecutionOptions> options, ILogger<GraphQLExecutor> logger)
{
    private sealed record PreparedDocument(Document? Document, IReadOnlyList<GraphQLError> Errors, Dictionary<string, FragmentDefinition> Fragments);

    private readonly ConcurrentDictionary<string, PreparedDocument> _documents = new();

    public Schema Schema => schema;

    /// <summary>The schema in SDL, printed once.</summary>
    public string Sdl => field ??= Introspection.SchemaPrinter.Print(schema);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionRequest request, CancellationToken cancellationToken = default)
    {
        using var activity = GraphQLTelemetry.StartOperation(request.Query);
        try
        {
            var result = await RunAsync(request, activity, cancellationToken);
            activity?.SetErrors(result.Errors);
            return result;
        }
        catch (Exception exception) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    private async Task<ExecutionResult> RunAsync(ExecutionRequest request, Activity? activity, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (request.Query.Length > limits.MaxDocumentLength)
            return ExecutionResult.RequestError(new GraphQLError(
                $"The document is {request.Query.Length} characters long; the limit is {limits.MaxDocumentLength}.", ErrorCodes.DocumentTooLarge));

        var prepared = Prepare(request.Query, limits, activity);
        if (prepared.Errors.Count > 0)
            return ExecutionResult.RequestError(prepared.Errors);

        var operation = SelectOperation(prepared.Document!, request.OperationName, out var operationError);
        if (operation is null)
            return ExecutionResult.RequestError(operationError!);
        activity?.SetOperation(operation);
        if (operation.Operation == OperationType.Mutation && !request.AllowMutations)
            return ExecutionResult.RequestError(new GraphQLError("Mutations are not allowed over GET; use POST.", ErrorCodes.BadRequest))
                with { IsMutationNotAllowed = true };
        if (schema.RootType(operation.Operation) is not { } rootType)
            return ExecutionResult.RequestError(GraphQLError.At(
                $"Schema is not configured to execute {operation.Operation.ToString().ToLowerInvariant()} operation.", ErrorCodes.OperationNotFound, operation.Location));

        var variables = VariableCoercion.Coerce(schema, operation, request.Variables, out var variableErrors);
        if (variableErrors.Count > 0)
            return ExecutionResult.RequestError(variableErrors);

        var cost = OperationLimits.Cost(rootType, operation.SelectionSet, prepared.Fragments, variables, limits.DefaultPageSize, limits.MaxPageSize);
        if (cost > limits.MaxCost)
            return ExecutionResult.RequestError(GraphQLError.At(
                $"The operation's estimated cost is {cost}; the limit is {limits.MaxCost}. Ask for smaller pages or fewer fields.",
                ErrorCodes.MaxCostExceeded, operation.Location));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Timeout);
        var state = new ExecutionState(schema, request, prepared.Fragments, variables, timeout.Token);
        using var execute = GraphQLTelemetry.Source.StartActivity("graphql execute");
        try
        {
            var data = await new OperationExecutor(state, logger).ExecuteAsync(rootType, operation.SelectionSet);
            execute?.SetErrors(state.Errors);
            return new ExecutionResult(data, state.Errors, HasData: true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            state.Errors.Add(new GraphQLError($"The operation did not finish within {limits.Timeout.TotalSeconds:0.#} s.", ErrorCodes.ExecutionTimeout));
            execute?.SetErrors(state.Errors);
            return new ExecutionResult(null, state.Errors, HasData: true);
        }
    }

    private PreparedDocument Prepare(string query, ExecutionOptions limits, Activity? activity)
    {
        var isCached = _documents.TryGetValue(query, out var cached);
        activity?.SetTag("fever.graphql.document.cached", isCached);
        if (isCached)
            return cached!;
        var prepared = ParseAndValidate(query, limits);
        if (prepared.Errors.Count == 0 || prepared.Errors[0].Code == ErrorCodes.ValidationFailed)
        {
            if (_documents.Count >= limits.DocumentCacheSize)
                _documents.Clear();
            _documents[query] = prepared;
        }
        return prepared;
    }

    private PreparedDocument ParseAndValidate(string query, ExecutionOptions limits)
    {
        Document document;
        using (var parse = GraphQLTelemetry.Source.StartActivity("graphql parse"))
        {
            try
            {
                document = Parser.Parse(query, limits.MaxTokens);
            }
            catch (GraphQLSyntaxException syntax)
            {
                parse?.SetStatus(ActivityStatusCode.Error, syntax.Message);
                return new PreparedDocument(null, [GraphQLError.At(syntax.Message, syntax.Code, syntax.Location)], []);
            }
        }

        using var validate = GraphQLTelemetry.Source.StartActivity("graphql validate");
        if (OperationLimits.CheckShape(document, limits) is { } shapeError)
        {
            validate?.SetStatus(ActivityStatusCode.Error, shapeError.Message);
            return new PreparedDocument(null, [shapeError], []);
        }
        var errors = DocumentValidator.Validate(schema, document);
        validate?.SetErrors(errors);
        var fragments = new Dictionary<string, FragmentDefinition>();
        foreach (var fragment in document.Fragments)
            fragments.TryAdd(fragment.Name, fragment);
        return new PreparedDocument(errors.Count == 0 ? document : null, errors, fragments);
    }

    private static OperationDefinition? SelectOperation(Document document, string? name, out GraphQLError? error)
    {
        error = null;
        OperationDefinition? found = null;
        var count = 0;
        foreach (var operation in document.Operations)
        {
            if (name is not null ? operation.Name == name : count == 0)
                found ??= operation;
            count++;
        }
        if (name is not null)
        {
            if (found is null)
                error = new GraphQLError($"Unknown operation named \"{name}\".", ErrorCodes.OperationNotFound);
            return found;
        }
        if (count == 1)
            return found;
        error = new GraphQLError("Must provide operation name if query contains multiple operations.", ErrorCodes.OperationNotFound);
        return null;
    }
}
