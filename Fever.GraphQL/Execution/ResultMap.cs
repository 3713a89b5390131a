namespace Fever.GraphQL.Execution;

/// <summary>An object in the response, its entries in selection order.</summary>
public sealed class ResultMap(int capacity) : List<KeyValuePair<string, object?>>(capacity)
{
    public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));

    public object? this[string key] => this.First(entry => entry.Key == key).Value;
}
