using System.Net;
using System.Text.Json.Nodes;
using Fever.Tests.Infrastructure;
using YamlDotNet.Serialization;

namespace Fever.Tests.Api;

/// <summary>
/// The served <c>/openapi/v1.json</c> against <c>spec/search-api.openapi.yaml</c>, with every <c>$ref</c>
/// resolved: each key the spec states for GET /search must have the same value in the served document
/// (absent <c>required</c>/<c>nullable</c> meaning false), schemas must have exactly the spec's properties and
/// required fields, and the only responses the spec lacks are the documented 429 and 503. Examples are ignored.
/// </summary>
[Collection(SampleApiCollection.Name)]
public sealed class OpenApiDocumentTests(SampleApiFixture fixture)
{
    private static readonly HashSet<string> Ignored = ["example", "examples"];
    private static readonly HashSet<string> FalseWhenAbsent = ["required", "nullable"];
    private static readonly HashSet<string> ExtraResponses = ["429", "503"];

    [Fact]
    public async Task The_served_document_describes_search_as_the_spec_does()
    {
        var spec = ReadSpec();
        var served = JsonNode.Parse(await fixture.Http.GetStringAsync("/openapi/v1.json"))!;

        var specOperation = Resolve(spec["paths"]!["/search"]!["get"]!, spec);
        var servedOperation = Resolve(served["paths"]!["/search"]!["get"]!, served);

        var differences = new List<string>();
        Compare(specOperation, servedOperation, "GET /search", differences);
        var unexpected = servedOperation["responses"]!.AsObject().Select(r => r.Key)
            .Except(specOperation["responses"]!.AsObject().Select(r => r.Key)).Except(ExtraResponses);
        differences.AddRange(unexpected.Select(status => $"GET /search.responses: undocumented in the spec: {status}"));
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.Equal("searchEvents", servedOperation["operationId"]!.ToString());
    }

    [Fact]
    public async Task The_comparison_catches_a_difference()
    {
        var spec = ReadSpec();
        var document = JsonNode.Parse(await fixture.Http.GetStringAsync("/openapi/v1.json"))!;
        var served = Resolve(document["paths"]!["/search"]!["get"]!, document);
        served["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!["data"]!["properties"]!["events"]!["items"]!["properties"]!["start_time"]!["format"] = "date-time";

        var differences = new List<string>();
        Compare(Resolve(spec["paths"]!["/search"]!["get"]!, spec), served, "GET /search", differences);

        Assert.Contains(differences, d => d.Contains("start_time.format"));
    }

    [Fact]
    public async Task Swagger_ui_is_served_on_docs()
    {
        using var response = await fixture.Http.GetAsync("/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var config = await fixture.Http.GetStringAsync("/docs/index.js");
        Assert.Contains("/openapi/v1.json", config);
    }

    private static JsonNode ReadSpec()
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "search-api.openapi.yaml")));
        return RejoinSplitDescriptions(ToJson(yaml)!);
    }

    /// <summary>
    /// The spec writes <c>{ type: string, description: What was wrong, for a person }</c>: in a YAML flow mapping the
    /// unquoted comma ends the description and makes "for a person" a key without a value. We serve the text as
    /// meant; this puts such a split description back together.
    /// </summary>
    private static JsonNode RejoinSplitDescriptions(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var orphan in o.Where(p => p.Value is null && o["description"] is not null).Select(p => p.Key).ToList())
            {
                o["description"] = $"{o["description"]}, {orphan}";
                o.Remove(orphan);
            }
            foreach (var child in o.Select(p => p.Value).OfType<JsonNode>())
                RejoinSplitDescriptions(child);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.OfType<JsonNode>())
                RejoinSplitDescriptions(child);
        }
        return node;
    }

    private static JsonNode? ToJson(object? yaml) => yaml switch
    {
        Dictionary<object, object?> map => new JsonObject(map.Select(entry => KeyValuePair.Create(entry.Key.ToString()!, ToJson(entry.Value)))),
        List<object?> list => new JsonArray(list.Select(ToJson).ToArray()),
        null => null,
        var scalar => JsonValue.Create(scalar.ToString()),
    };

    /// <summary>A copy of <paramref name="node"/> with each <c>$ref</c> replaced by what it points at in <paramref name="document"/>.</summary>
    private static JsonNode Resolve(JsonNode node, JsonNode document) => node switch
    {
        JsonObject o when o["$ref"] is { } reference => Resolve(reference.ToString().TrimStart('#', '/').Split('/').Aggregate(document, (n, key) => n[key]!), document),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Resolve(p.Value, document)))),
        JsonArray a => new JsonArray(a.Select(item => item is null ? null : Resolve(item, document)).ToArray()),
        _ => node.DeepClone(),
    };

    private static void Compare(JsonNode? spec, JsonNode? served, string path, List<string> differences)
    {
        switch (spec)
        {
            case JsonObject specObject:
                if (served is not JsonObject servedObject)
                {
                    differences.Add($"{path}: served {served?.ToJsonString() ?? "nothing"}");
                    return;
                }
                foreach (var (key, value) in specObject)
                {
                    if (Ignored.Contains(key))
                        continue;
                    if (key == "required" && value is JsonArray)
                        CompareSets(value, servedObject[key], $"{path}.required", differences);
                    else if (key == "properties")
                        CompareProperties(value!.AsObject(), servedObject[key] as JsonObject, $"{path}.properties", differences);
                    else if (FalseWhenAbsent.Contains(key) && !servedObject.ContainsKey(key))
                        Compare(value, JsonValue.Create("false"), $"{path}.{key}", differences);
                    else
                        Compare(value, servedObject[key], $"{path}.{key}", differences);
                }
                break;
            case JsonArray specArray:
                if (served is not JsonArray servedArray || servedArray.Count != specArray.Count)
                {
                    differences.Add($"{path}: spec has {specArray.ToJsonString()}, served {served?.ToJsonString() ?? "nothing"}");
                    return;
                }
                for (var i = 0; i < specArray.Count; i++)
                    Compare(specArray[i], servedArray[i], $"{path}[{i}]", differences);
                break;
            default:
                if (!string.Equals(spec?.ToString(), served?.ToString(), StringComparison.OrdinalIgnoreCase))
                    differences.Add($"{path}: spec has {spec?.ToString() ?? "null"}, served {served?.ToString() ?? "nothing"}");
                break;
        }
    }

    private static void CompareProperties(JsonObject spec, JsonObject? served, string path, List<string> differences)
    {
        CompareSets(new JsonArray(spec.Select(p => (JsonNode)JsonValue.Create(p.Key)).ToArray()),
            served is null ? null : new JsonArray(served.Select(p => (JsonNode)JsonValue.Create(p.Key)).ToArray()), path, differences);
        foreach (var (name, schema) in spec)
            Compare(schema, served?[name], $"{path}.{name}", differences);
    }

    private static void CompareSets(JsonNode? spec, JsonNode? served, string path, List<string> differences)
    {
        var expected = (spec as JsonArray ?? []).Select(n => n!.ToString()).Order().ToList();
        var actual = (served as JsonArray ?? []).Select(n => n!.ToString()).Order().ToList();
        if (!expected.SequenceEqual(actual))
            differences.Add($"{path}: spec has [{string.Join(", ", expected)}], served [{string.Join(", ", actual)}]");
    }
}
