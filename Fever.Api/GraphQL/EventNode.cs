using System.Runtime.CompilerServices;
using Fever.Data;
using Fever.GraphQL.Execution;

namespace Fever.Api.GraphQL;

/// <summary>
/// An event as GraphQL's <c>Event</c> type reads it: the event and the value of each of its scalar fields (in
/// <see cref="EventField.All"/>'s order), serialized and encoded as JSON on the event's first read and kept as long as
/// the event (snapshot events never change), so a page copies bytes instead of formatting ids, times and prices.
/// </summary>
public sealed class EventNode
{
    private static readonly ConditionalWeakTable<Event, EventNode> Nodes = [];

    private EventNode(Event item)
    {
        Event = item;
        Values = new EncodedValue?[EventField.All.Count];
        for (var i = 0; i < Values.Length; i++)
            Values[i] = EventField.All[i].Read(item) is { } value ? EventField.All[i].Type.Encode(value) : null;
    }

    public Event Event { get; }

    /// <summary>Each scalar field's encoded value, or null.</summary>
    public EncodedValue?[] Values { get; }

    public static EventNode Of(Event item) => Nodes.GetValue(item, static item => new EventNode(item));
}
