using Fever.Data;
using Fever.GraphQL;
using Fever.GraphQL.Types;
using Fever.GraphQL.Types.Scalars;

namespace Fever.Api.GraphQL;

/// <summary>
/// A scalar field of <c>Event</c>: its GraphQL type, how it is read from an event, and its key: the value that sorting,
/// filters and cursors compare, with PostgreSQL's rules (nulls after every value ascending; text in the C collation's
/// byte order, which our clusters use). Filters follow C#'s null rules, as the EF Core translation they replace did:
/// a comparison with a null key is false, its negation true.
/// </summary>
public abstract class EventField(string name, ScalarType type, bool isNullable, string? description)
{
    public const string InvalidFilter = "INVALID_FILTER";

    public string Name { get; } = name;
    public ScalarType Type { get; } = type;
    public bool IsNullable { get; } = isNullable;
    public string? Description { get; } = description;
    public GraphQLType OutputType => IsNullable ? Type : Type.NonNull();

    /// <summary>The CLR type of the key, as cursors carry it.</summary>
    public abstract Type KeyType { get; }

    /// <summary>The field's value in a response.</summary>
    public abstract object? Read(Event item);

    /// <summary>The key of <paramref name="item"/>, as a cursor carries it.</summary>
    public abstract object? Key(Event item);

    /// <summary>Ascending order of two events' keys, nulls last.</summary>
    public abstract int Compare(Event left, Event right);

    /// <summary>Ascending order of an event's key against a key of <see cref="KeyType"/> (from a cursor), nulls last.</summary>
    public abstract int CompareToKey(Event item, object? key);

    /// <summary>
    /// The test of one filter operation without its negation: <c>eq</c>, <c>in</c>, a comparison or a text operation.
    /// <paramref name="operation"/> is what the client wrote (e.g. <c>ngt</c>), for messages.
    /// </summary>
    public abstract Func<Event, bool> Condition(string test, object? operand, string operation);

    protected GraphQLException UnknownOperation(string operation) => new($"Unknown filter operation {operation} on {Name}.", InvalidFilter);

    protected GraphQLException NeedsValue(string operation) => new($"The filter {Name}.{operation} needs a value, not null.", InvalidFilter);

    protected GraphQLException NeedsList(string operation) => new($"The filter {Name}.{operation} needs a list, not null.", InvalidFilter);

    /// <summary>A DateTime input (UTC) as the UTC wall-clock value the event holds.</summary>
    private static DateTime WallClock(object value) => DateTime.SpecifyKind(((DateTimeOffset)value).UtcDateTime, DateTimeKind.Unspecified);

    private static DateTime Midnight(object value) => ((DateOnly)value).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private static TimeSpan TimeOfDay(object value) => ((TimeOnly)value).ToTimeSpan();

    private static ValueField<T> Of<T>(string name, ScalarType type, Func<Event, T?> key, Func<object, T> toKey, Func<Event, object?> read,
        bool isNullable = false, string? description = null) where T : struct, IComparable<T> =>
        new(name, type, isNullable, key, toKey, read, description);

    private static ValueField<T> Of<T>(string name, ScalarType type, Func<Event, T?> key, bool isNullable = false, string? description = null)
        where T : struct, IComparable<T> =>
        new(name, type, isNullable, key, value => (T)value, item => key(item), description);

    public static readonly IReadOnlyList<EventField> All =
    [
        Of<Guid>("id", HotChocolateScalars.Uuid, e => e.Id, description: "Stable id of the event, derived from the provider's base plan and plan ids."),
        new TitleField("title", e => e.Title),
        Of("startsAt", HotChocolateScalars.DateTime, e => e.StartsAt, WallClock, e => e.StartsAt,
            description: "When the event starts (the provider's time, taken as UTC)."),
        Of("endsAt", HotChocolateScalars.DateTime, e => e.EndsAt, WallClock, e => e.EndsAt,
            description: "When the event ends (the provider's time, taken as UTC)."),
        Of("startDate", HotChocolateScalars.Date, e => e.StartsAt.Date, Midnight, e => DateOnly.FromDateTime(e.StartsAt)),
        Of("startTime", HotChocolateScalars.LocalTime, e => e.StartsAt.TimeOfDay, TimeOfDay, e => TimeOnly.FromDateTime(e.StartsAt)),
        Of("endDate", HotChocolateScalars.Date, e => e.EndsAt.Date, Midnight, e => DateOnly.FromDateTime(e.EndsAt)),
        Of("endTime", HotChocolateScalars.LocalTime, e => e.EndsAt.TimeOfDay, TimeOfDay, e => TimeOnly.FromDateTime(e.EndsAt)),
        Of("minPrice", HotChocolateScalars.Decimal, e => e.MinPrice, isNullable: true, description: "Lowest zone price; null when the event has no zones."),
        Of("maxPrice", HotChocolateScalars.Decimal, e => e.MaxPrice, isNullable: true, description: "Highest zone price; null when the event has no zones."),
        Of<bool>("soldOut", BuiltInScalars.Boolean, e => e.SoldOut),
        Of("sellFrom", HotChocolateScalars.DateTime, e => e.SellFrom, WallClock, e => e.SellFrom, isNullable: true, description: "When sales open."),
        Of("sellTo", HotChocolateScalars.DateTime, e => e.SellTo, WallClock, e => e.SellTo, isNullable: true, description: "When sales close."),
        Of("organizerCompanyId", HotChocolateScalars.Long, e => e.OrganizerCompanyId, isNullable: true),
        Of<long>("basePlanId", HotChocolateScalars.Long, e => e.BasePlanId, description: "The provider's base plan id (the show)."),
        Of<long>("planId", HotChocolateScalars.Long, e => e.PlanId, description: "The provider's plan id (this session)."),
        Of<DateTimeOffset>("firstSeenAt", HotChocolateScalars.DateTime, e => e.FirstSeenAt, description: "When a sync first saw the event on sale."),
        Of<DateTimeOffset>("lastSeenAt", HotChocolateScalars.DateTime, e => e.LastSeenAt,
            description: "When a sync last saw the event on sale, as of the API's last read of the event (a sighting alone does not make it reload one)."),
        Of<DateTimeOffset>("updatedAt", HotChocolateScalars.DateTime, e => e.UpdatedAt, description: "When the event's content last changed."),
    ];

    private static readonly Dictionary<string, EventField> ByName = All.ToDictionary(f => f.Name);

    public static EventField Named(string name) => ByName[name];
}
