using System.Collections;
using Fever.Data;
using Fever.GraphQL.Types;

namespace Fever.Api.GraphQL;

/// <summary>An <see cref="EventField"/> whose key is a comparable value (an id, a time, a price, a number, a flag), or null.</summary>
public sealed class ValueField<T>(string name, ScalarType type, bool isNullable, Func<Event, T?> key, Func<object, T> toKey,
    Func<Event, object?> read, string? description) : EventField(name, type, isNullable, description)
    where T : struct, IComparable<T>
{
    public override Type KeyType => IsNullable ? typeof(T?) : typeof(T);

    public override object? Read(Event item) => read(item);

    public override object? Key(Event item) => key(item);

    public override int Compare(Event left, Event right) => Compare(key(left), key(right));

    public override int CompareToKey(Event item, object? other) => Compare(key(item), (T?)other);

    private static int Compare(T? left, T? right) => (left, right) switch
    {
        ({ } l, { } r) => l.CompareTo(r),
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
    };

    public override Func<Event, bool> Condition(string test, object? operand, string operation)
    {
        if (test == "eq")
        {
            if (operand is null)
                return item => key(item) is null;
            var value = toKey(operand);
            return item => key(item) is { } k && k.CompareTo(value) == 0;
        }
        if (test == "in")
        {
            if (operand is not IEnumerable items)
                throw NeedsList(operation);
            var values = new List<T>();
            var withNull = false;
            foreach (var item in items)
            {
                if (item is null)
                    withNull = true;
                else
                    values.Add(toKey(item));
            }
            var set = values.ToHashSet();
            return item => key(item) is { } k ? set.Contains(k) : withNull;
        }
        if (test is not ("gt" or "gte" or "lt" or "lte"))
            throw UnknownOperation(operation);
        if (operand is null)
            throw NeedsValue(operation);
        var bound = toKey(operand);
        return test switch
        {
            "gt" => item => key(item) is { } k && k.CompareTo(bound) > 0,
            "gte" => item => key(item) is { } k && k.CompareTo(bound) >= 0,
            "lt" => item => key(item) is { } k && k.CompareTo(bound) < 0,
            _ => item => key(item) is { } k && k.CompareTo(bound) <= 0,
        };
    }
}
