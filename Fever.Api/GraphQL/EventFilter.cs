using System.Collections;
using Fever.Data;

namespace Fever.Api.GraphQL;

/// <summary>
/// Turns a coerced <c>EventFilterInput</c> into a test of one event: fields and operations of one object are and-ed,
/// <c>and</c>/<c>or</c> combine lists of objects (an empty list holds), a null operand of <c>eq</c>/<c>neq</c> tests for
/// null, an operation starting with <c>n</c> negates its test. A missing or empty filter matches everything.
/// </summary>
public static class EventFilter
{
    private static readonly Func<Event, bool> Everything = _ => true;

    public static Func<Event, bool> ToPredicate(IReadOnlyDictionary<string, object?> filter)
    {
        var parts = new List<Func<Event, bool>>();
        foreach (var (name, value) in filter)
        {
            if (value is null)
                continue;
            parts.Add(name switch
            {
                "and" => All(Items(value).Select(ToPredicate).ToList()),
                "or" => Any(Items(value).Select(ToPredicate).ToList()),
                _ => Operations(EventField.Named(name), (IReadOnlyDictionary<string, object?>)value),
            });
        }
        return All(parts);
    }

    private static Func<Event, bool> Operations(EventField field, IReadOnlyDictionary<string, object?> operations)
    {
        var parts = new List<Func<Event, bool>>();
        foreach (var (operation, operand) in operations)
        {
            switch (operation)
            {
                case "and":
                    if (operand is not null)
                        parts.Add(All(Items(operand).Select(item => Operations(field, item)).ToList()));
                    break;
                case "or":
                    if (operand is not null)
                        parts.Add(Any(Items(operand).Select(item => Operations(field, item)).ToList()));
                    break;
                default:
                    var negated = operation[0] == 'n';
                    var test = field.Condition(negated ? operation[1..] : operation, operand, operation);
                    parts.Add(negated ? item => !test(item) : test);
                    break;
            }
        }
        return All(parts);
    }

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Items(object value) =>
        ((IEnumerable)value).Cast<IReadOnlyDictionary<string, object?>>();

    private static Func<Event, bool> All(List<Func<Event, bool>> parts) => parts.Count switch
    {
        0 => Everything,
        1 => parts[0],
        _ => item =>
        {
            foreach (var part in parts)
            {
                if (!part(item))
                    return false;
            }
            return true;
        },
    };

    private static Func<Event, bool> Any(List<Func<Event, bool>> parts) => parts.Count switch
    {
        0 => Everything,
        1 => parts[0],
        _ => item =>
        {
            foreach (var part in parts)
            {
                if (part(item))
                    return true;
            }
            return false;
        },
    };
}
