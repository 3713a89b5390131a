using System.Text.Json;

namespace Fever.GraphQL.Execution;

/// <summary>An object in the response, its entries in selection order, each name encoded for JSON once per selection.</summary>
public sealed class ResultMap(int capacity) : List<ResultMap.Entry>(capacity)
{
    public readonly record struct Entry(JsonEncodedText Name, object? Value);

    public void Add(string key, object? value) => Add(new Entry(JsonEncodedText.Encode(key), value));

    public void Add(JsonEncodedText key, object? value) => Add(new Entry(key, value));

    public object? this[string key] => this.First(entry => entry.Name.Value == key).Value;
}
