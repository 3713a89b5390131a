using System.Collections;
using Fever.Data;
using Fever.GraphQL.Types;

namespace Fever.Api.GraphQL;

/// <summary>
/// An <see cref="EventField"/> of text. Equality and <c>contains</c>/<c>startsWith</c>/<c>endsWith</c> are case-sensitive and
/// ordinal (as PostgreSQL's <c>=</c>, <c>strpos</c> and <c>LIKE</c> were); the order is <see cref="TextOrder"/>'s.
/// </summary>
public sealed class TitleField(string name, Func<Event, string?> key, string? description = null)
    : EventField(name, BuiltInScalars.String, isNullable: false, description)
{
    public override Type KeyType => typeof(string);

    public override object? Read(Event item) => key(item);

    public override object? Key(Event item) => key(item);

    public override int Compare(Event left, Event right) => Compare(key(left), key(right));

    public override int CompareToKey(Event item, object? other) => Compare(key(item), (string?)other);

    private static int Compare(string? left, string? right) => (left, right) switch
    {
        ({ } l, { } r) => TextOrder.Compare(l, r),
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
    };

    public override Func<Event, bool> Condition(string test, object? operand, string operation)
    {
        switch (test)
        {
            case "eq":
                var text = (string?)operand;
                return item => string.Equals(key(item), text, StringComparison.Ordinal);
            case "in":
                if (operand is not IEnumerable items)
                    throw NeedsList(operation);
                var values = items.Cast<string?>().ToList();
                var set = values.OfType<string>().ToHashSet(StringComparer.Ordinal);
                var withNull = values.Contains(null);
                return item => key(item) is { } k ? set.Contains(k) : withNull;
        }
        if (test is not ("contains" or "startsWith" or "endsWith"))
            throw UnknownOperation(operation);
        if (operand is not string part)
            throw NeedsValue(operation);
        return test switch
        {
            "contains" => item => key(item) is { } k && k.Contains(part, StringComparison.Ordinal),
            "startsWith" => item => key(item) is { } k && k.StartsWith(part, StringComparison.Ordinal),
            _ => item => key(item) is { } k && k.EndsWith(part, StringComparison.Ordinal),
        };
    }
}
