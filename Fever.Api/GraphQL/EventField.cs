using System.Linq.Expressions;
using Fever.Data;
using Fever.GraphQL.Types;
using Fever.GraphQL.Types.Scalars;

namespace Fever.Api.GraphQL;

/// <summary>
/// A scalar field of <c>Event</c>: its GraphQL type, how it is read from a loaded event, and the column
/// expression that filters and sorting translate into SQL (with how a GraphQL input value becomes its CLR value).
/// </summary>
public sealed record EventField(
    string Name,
    ScalarType Type,
    bool IsNullable,
    LambdaExpression Column,
    Func<Event, object?> Read,
    Func<Event, object?> ColumnValue,
    Func<object, object> ToColumnValue,
    string? Description = null)
{
    public GraphQLType OutputType => IsNullable ? Type : Type.NonNull();

    private static EventField Of<T>(string name, ScalarType type, Expression<Func<Event, T>> column, Func<object, object>? toColumnValue = null,
        string? description = null, Func<Event, object?>? read = null)
    {
        var compiled = column.Compile();
        var isNullable = Nullable.GetUnderlyingType(typeof(T)) is not null || (typeof(T) == typeof(string) && name != "title");
        return new EventField(name, type, isNullable, column, read ?? (e => compiled(e)), e => compiled(e), toColumnValue ?? (v => v), description);
    }

    /// <summary>A DateTime input (UTC) as the UTC wall-clock value a <c>timestamp</c> column holds.</summary>
    private static object WallClock(object value) => DateTime.SpecifyKind(((DateTimeOffset)value).UtcDateTime, DateTimeKind.Unspecified);

    private static object Midnight(object value) => ((DateOnly)value).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private static object TimeOfDay(object value) => ((TimeOnly)value).ToTimeSpan();

    public static readonly IReadOnlyList<EventField> All =
    [
        Of("id", HotChocolateScalars.Uuid, e => e.Id, description: "Stable id of the event, derived from the provider's base plan and plan ids."),
        Of("title", BuiltInScalars.String, e => e.Title),
        Of("startsAt", HotChocolateScalars.DateTime, e => e.StartsAt, WallClock, "When the event starts (the provider's time, taken as UTC)."),
        Of("endsAt", HotChocolateScalars.DateTime, e => e.EndsAt, WallClock, "When the event ends (the provider's time, taken as UTC)."),
        Of("startDate", HotChocolateScalars.Date, e => e.StartsAt.Date, Midnight, read: e => DateOnly.FromDateTime(e.StartsAt)),
        Of("startTime", HotChocolateScalars.LocalTime, e => e.StartsAt.TimeOfDay, TimeOfDay, read: e => TimeOnly.FromDateTime(e.StartsAt)),
        Of("endDate", HotChocolateScalars.Date, e => e.EndsAt.Date, Midnight, read: e => DateOnly.FromDateTime(e.EndsAt)),
        Of("endTime", HotChocolateScalars.LocalTime, e => e.EndsAt.TimeOfDay, TimeOfDay, read: e => TimeOnly.FromDateTime(e.EndsAt)),
        Of("minPrice", HotChocolateScalars.Decimal, e => e.MinPrice, description: "Lowest zone price; null when the event has no zones."),
        Of("maxPrice", HotChocolateScalars.Decimal, e => e.MaxPrice, description: "Highest zone price; null when the event has no zones."),
        Of("soldOut", BuiltInScalars.Boolean, e => e.SoldOut),
        Of("sellFrom", HotChocolateScalars.DateTime, e => e.SellFrom, WallClock, "When sales open."),
        Of("sellTo", HotChocolateScalars.DateTime, e => e.SellTo, WallClock, "When sales close."),
        Of("organizerCompanyId", HotChocolateScalars.Long, e => e.OrganizerCompanyId),
        Of("basePlanId", HotChocolateScalars.Long, e => e.BasePlanId, description: "The provider's base plan id (the show)."),
        Of("planId", HotChocolateScalars.Long, e => e.PlanId, description: "The provider's plan id (this session)."),
        Of("firstSeenAt", HotChocolateScalars.DateTime, e => e.FirstSeenAt, description: "When a sync first saw the event on sale."),
        Of("lastSeenAt", HotChocolateScalars.DateTime, e => e.LastSeenAt, description: "When a sync last saw the event on sale."),
        Of("updatedAt", HotChocolateScalars.DateTime, e => e.UpdatedAt, description: "When the event's content last changed."),
    ];

    public static EventField Named(string name) => All.First(f => f.Name == name);
}
