using System.Collections;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;
using Microsoft.Extensions.Logging;

namespace Fever.GraphQL.Execution;

/// <summary>
/// Executes one operation's selection set (spec §6.3–6.4): fields in order, arguments coerced, values completed
/// against their types; a field error nulls the nearest nullable field above it and is reported once.
/// </summary>
public sealed class OperationExecutor(ExecutionState state, ILogger logger)
{
    /// <summary>Thrown upward once an error is recorded at a non-null position, until a nullable field absorbs it.</summary>
    private sealed class NullPropagation : Exception;

    public async Task<ResultMap?> ExecuteAsync(ObjectType rootType, SelectionSet selectionSet)
    {
        try
        {
            return await ExecuteSelectionSetAsync(rootType, null, Collect(rootType, [selectionSet]), []);
        }
        catch (NullPropagation)
        {
            return null;
        }
    }

    private CollectedField[] Collect(ObjectType type, IEnumerable<SelectionSet> selectionSets) =>
        FieldCollector.Collect(state, type, selectionSets)
            .Select(field => new CollectedField(field.Key, field.Value, type.FindField(field.Value[0].Name)!))
            .ToArray();

    private async ValueTask<ResultMap> ExecuteSelectionSetAsync(ObjectType type, object? value, CollectedField[] fields, List<object> path)
    {
        var result = new ResultMap(fields.Length);
        foreach (var field in fields)
        {
            state.CancellationToken.ThrowIfCancellationRequested();
            if (field.LeafRead is { } read)
            {
                result.Add(field.EncodedName, CompleteLeaf(field, read, value, path));
                continue;
            }
            path.Add(field.ResponseName);
            result.Add(field.EncodedName, await ExecuteFieldAsync(type, value, field.Definition, field.Nodes, path));
            path.RemoveAt(path.Count - 1);
        }
        return result;
    }

    /// <summary>
    /// A scalar or enum field of a pure resolver, resolved and completed as <see cref="ExecuteFieldAsync"/> would,
    /// synchronously; <paramref name="path"/> is its parent's (the field's name is added only to report an error).
    /// </summary>
    private object? CompleteLeaf(CollectedField field, Func<object?, object?> read, object? parent, List<object> path)
    {
        try
        {
            return read(parent) switch
            {
                null when field.IsNonNull => throw new GraphQLException($"Cannot return null for non-nullable field {FieldName(field.Nodes)}.", ErrorCodes.NonNullViolation),
                null => null,
                var value => field.LeafType is ScalarType scalar ? scalar.Complete(value) : ((EnumType)field.LeafType).Serialize(value),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            path.Add(field.ResponseName);
            return NullInstead(exception, field.IsNonNull, field.Nodes[0], path, path.Count - 1);
        }
    }

    private async ValueTask<object?> ExecuteFieldAsync(ObjectType parentType, object? parent, FieldDefinition field, List<FieldSelection> nodes, List<object> path)
    {
        var depth = path.Count;
        try
        {
            var resolved = field.Read is { } read && field.Arguments.Count == 0
                ? read(parent)
                : await field.Resolve(new FieldContext(state, parentType, field, nodes, parent, CoerceArguments(field, nodes[0])));
            return await CompleteAsync(field.Type, nodes, resolved, path);
        }
        catch (Exception exception) when (Absorbs(field.Type, exception))
        {
            return NullInstead(exception, field.Type.IsNonNull, nodes[0], path, depth);
        }
    }

    private async ValueTask<object?> CompleteAsync(GraphQLType type, List<FieldSelection> nodes, object? value, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            return await CompleteAsync(nonNull.OfType, nodes, value, path)
                ?? throw new GraphQLException($"Cannot return null for non-nullable field {FieldName(nodes)}.", ErrorCodes.NonNullViolation);
        }
        if (value is null)
            return null;
        switch (type)
        {
            case ListType list:
                if (value is not IEnumerable items || value is string)
                    throw new GraphQLException($"Expected a list for field {FieldName(nodes)}.", ErrorCodes.InternalError);
                var completed = new List<object?>(items is ICollection collection ? collection.Count : 4);
                var index = 0;
                if (list.OfType.Nullable is ObjectType itemType && FieldsOf(itemType, nodes) is var itemFields && itemFields.All(f => f.LeafRead is not null))
                {
                    foreach (var item in items)
                    {
                        path.Add(PathIndex(index++));
                        completed.Add(CompleteLeafObject(list.OfType, itemFields, nodes, item, path));
                        path.RemoveAt(path.Count - 1);
                    }
                    return completed;
                }
                foreach (var item in items)
                {
                    path.Add(PathIndex(index++));
                    completed.Add(await CompleteItemAsync(list.OfType, nodes, item, path));
                    path.RemoveAt(path.Count - 1);
                }
                return completed;
            case ScalarType scalar:
                return scalar.Complete(value);
            case EnumType enumType:
                return enumType.Serialize(value);
            case ObjectType objectType:
                return await ExecuteSelectionSetAsync(objectType, value, FieldsOf(objectType, nodes), path);
        }
        throw new InvalidOperationException($"Cannot complete a value of type {type}.");
    }

    /// <summary>The fields selected on <paramref name="type"/> under <paramref name="nodes"/>, collected once per request.</summary>
    private CollectedField[] FieldsOf(ObjectType type, List<FieldSelection> nodes)
    {
        if (!state.CollectedFields.TryGetValue((type, nodes), out var fields))
            state.CollectedFields[(type, nodes)] = fields = Collect(type, nodes.Select(n => n.SelectionSet!));
        return fields;
    }

    /// <summary>
    /// A list item whose selected fields are all leaves of pure resolvers (a page's nodes, say), completed as
    /// <see cref="CompleteItemAsync"/> would, synchronously.
    /// </summary>
    private object? CompleteLeafObject(GraphQLType itemType, CollectedField[] fields, List<FieldSelection> nodes, object? item, List<object> path)
    {
        var depth = path.Count;
        try
        {
            if (item is null)
            {
                return itemType.IsNonNull
                    ? throw new GraphQLException($"Cannot return null for non-nullable field {FieldName(nodes)}.", ErrorCodes.NonNullViolation)
                    : null;
            }
            var result = new ResultMap(fields.Length);
            foreach (var field in fields)
                result.Add(field.EncodedName, CompleteLeaf(field, field.LeafRead!, item, path));
            return result;
        }
        catch (Exception exception) when (Absorbs(itemType, exception))
        {
            return NullInstead(exception, itemType.IsNonNull, nodes[0], path, depth);
        }
    }

    private async ValueTask<object?> CompleteItemAsync(GraphQLType itemType, List<FieldSelection> nodes, object? item, List<object> path)
    {
        var depth = path.Count;
        try
        {
            return await CompleteAsync(itemType, nodes, item, path);
        }
        catch (Exception exception) when (Absorbs(itemType, exception))
        {
            return NullInstead(exception, itemType.IsNonNull, nodes[0], path, depth);
        }
    }

    /// <summary>Whether a value of <paramref name="type"/> stops <paramref name="exception"/>: a null propagating from below stops only at a nullable one.</summary>
    private static bool Absorbs(GraphQLType type, Exception exception) =>
        exception is not OperationCanceledException && (exception is not NullPropagation || !type.IsNonNull);

    /// <summary>
    /// The null that replaces a value whose completion failed: the error is recorded once, where it happened; a
    /// non-null position passes the null up. The path goes back to <paramref name="depth"/>, since the names of the
    /// fields the error came through are still on it.
    /// </summary>
    private object? NullInstead(Exception exception, bool isNonNull, FieldSelection node, List<object> path, int depth)
    {
        if (exception is not NullPropagation)
            Record(exception, node, path);
        if (isNonNull)
            throw new NullPropagation();
        path.RemoveRange(depth, path.Count - depth);
        return null;
    }

    private static readonly Dictionary<string, object?> NoArguments = [];

    private static readonly object[] BoxedIndices = Enumerable.Range(0, 256).Select(i => (object)i).ToArray();

    /// <summary>A list index for the path, boxed once for the indices of every page.</summary>
    private static object PathIndex(int index) => index < BoxedIndices.Length ? BoxedIndices[index] : index;

    private Dictionary<string, object?> CoerceArguments(FieldDefinition field, FieldSelection node)
    {
        if (field.Arguments.Count == 0)
            return NoArguments;
        var values = new Dictionary<string, object?>(field.Arguments.Count);
        foreach (var argument in field.Arguments)
        {
            var given = node.Arguments.FirstOrDefault(a => a.Name == argument.Name);
            var isMissing = given is null || (given.Value is VariableNode variable && !state.Variables.ContainsKey(variable.Name));
            if (isMissing)
            {
                if (argument.DefaultValue is not null)
                {
                    InputCoercion.TryCoerceLiteral(argument.DefaultValue, argument.Type, null, out var fallback);
                    values[argument.Name] = fallback;
                }
                else if (argument.Type.IsNonNull)
                    throw new GraphQLException($"Argument \"{argument.Name}\" of required type \"{argument.Type}\" was not provided.", ErrorCodes.InvalidArgument);
                continue;
            }
            if (!InputCoercion.TryCoerceLiteral(given!.Value, argument.Type, state.Variables, out var value))
                throw new GraphQLException($"Argument \"{argument.Name}\" has invalid value {given.Value}.", ErrorCodes.InvalidArgument);
            values[argument.Name] = value;
        }
        return values;
    }

    private void Record(Exception exception, FieldSelection node, List<object> path)
    {
        var error = exception switch
        {
            GraphQLException known => new GraphQLError(known.Message, known.Code, [node.Location], [.. path], known.Extensions),
            _ => new GraphQLError("Unexpected Execution Error", ErrorCodes.InternalError, [node.Location], [.. path]),
        };
        if (exception is not GraphQLException)
            logger.LogError(exception, "Resolver of {Field} at {Path} failed", node.Name, string.Join('.', path));
        state.Errors.Add(error);
    }

    private static string FieldName(List<FieldSelection> nodes) => $"\"{nodes[0].Name}\"";
}
