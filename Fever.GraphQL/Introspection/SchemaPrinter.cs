using System.Text;
using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Introspection;

/// <summary>
/// The schema in SDL, printed as graphql-js <c>printSchema</c> prints the same schema (built-in scalars,
/// introspection types and built-in directives left out; types in the order introspection lists them).
/// </summary>
public static class SchemaPrinter
{
    public static string Print(Schema schema)
    {
        var blocks = new List<string>();
        if (schema.Description is not null || schema.Query.Name != "Query" || schema.Mutation is { Name: not "Mutation" })
        {
            var roots = $"  query: {schema.Query.Name}" + (schema.Mutation is null ? "" : $"\n  mutation: {schema.Mutation.Name}");
            blocks.Add(Description(schema.Description) + $"schema {{\n{roots}\n}}");
        }
        foreach (var type in schema.Types)
        {
            if (BuiltInScalars.All.Contains(type) || type.Name.StartsWith("__", StringComparison.Ordinal))
                continue;
            blocks.Add(Description(type.Description) + type switch
            {
                ScalarType scalar => $"scalar {scalar.Name}" + (scalar.SpecifiedByUrl is { } url ? $" @specifiedBy(url: {JsonString.Quote(url)})" : ""),
                ObjectType objectType => $"type {objectType.Name}" + Block(objectType.Fields.Select((f, i) =>
                    Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason))),
                EnumType enumType => $"enum {enumType.Name}" + Block(enumType.Values.Select((v, i) =>
                    Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
                InputObjectType inputType => $"input {inputType.Name}" + Block(inputType.Fields.Select((f, i) =>
                    Description(f.Description, "  ", i == 0) + "  " + InputValue(f))),
                _ => throw new InvalidOperationException($"Cannot print {type.Name}."),
            });
        }
        return string.Join("\n\n", blocks);
    }

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : " {\n" + string.Join('\n', list) + "\n}";
    }

    private static string Arguments(IReadOnlyList<InputValue> arguments, string indentation)
    {
        if (arguments.Count == 0)
            return "";
        if (arguments.All(a => string.IsNullOrEmpty(a.Description)))
            return "(" + string.Join(", ", arguments.Select(InputValue)) + ")";
        return "(\n" + string.Join('\n', arguments.Select((a, i) =>
            Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a))) + "\n" + indentation + ")";
    }

    private static string InputValue(InputValue value) =>
        value.Name + ": " + value.Type + (value.DefaultValue is { } fallback ? " = " + fallback : "");

    private static string Deprecated(string? reason) => reason switch
    {
        null => "",
        "No longer supported" => " @deprecated",
        _ => $" @deprecated(reason: {JsonString.Quote(reason)})",
    };

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
            return "";
        var text = IsPrintableAsBlockString(description) ? BlockStringLiteral(description) : JsonString.Quote(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + text.Replace("\n", "\n" + indentation) + "\n";
    }

    /// <summary>graphql-js <c>printBlockString</c>.</summary>
    private static string BlockStringLiteral(string value)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = escaped.Split('\n');
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(l => l.Length == 0 || l[0] is ' ' or '\t');
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var forceTrailingNewLine = (value.EndsWith('"') && !hasTrailingTripleQuotes) || value.EndsWith('\\');
        var multipleLines = !isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes;
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && value[0] is ' ' or '\t';
        var result = new StringBuilder("\"\"\"");
        if ((multipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
            result.Append('\n');
        result.Append(escaped);
        if (multipleLines || forceTrailingNewLine)
            result.Append('\n');
        return result.Append("\"\"\"").ToString();
    }

    /// <summary>graphql-js <c>isPrintableAsBlockString</c>.</summary>
    private static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
            return true;
        bool isEmptyLine = true, hasIndent = false, hasCommonIndent = true, seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case <= '\u0008' or '\u000B' or '\u000C' or '\u000E' or '\u000F' or '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                        return false;
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent = hasIndent || isEmptyLine;
                    break;
                default:
                    hasCommonIndent = hasCommonIndent && hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        return !isEmptyLine && !(hasCommonIndent && seenNonEmptyLine);
    }
}
