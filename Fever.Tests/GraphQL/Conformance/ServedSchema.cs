using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fever.Tests.GraphQL.Conformance;

/// <summary>
/// The schema as our API serves it, saved in a folder of its own for the node scripts: the answer to graphql-js's
/// introspection query (<c>introspection.json</c>) and <c>GET /graphql?sdl</c> (<c>schema.graphql</c>).
/// Deleted on dispose.
/// </summary>
public sealed class ServedSchema : IDisposable
{
    private readonly DirectoryInfo _folder;

    private ServedSchema(DirectoryInfo folder) => _folder = folder;

    public string IntrospectionFile => Path.Combine(_folder.FullName, "introspection.json");

    public string SdlFile => Path.Combine(_folder.FullName, "schema.graphql");

    public static async Task<ServedSchema> FetchAsync(HttpClient http)
    {
        var introspection = await IntrospectAsync(http);
        using var sdlResponse = await http.GetAsync("/graphql?sdl");
        var sdl = await sdlResponse.Content.ReadAsStringAsync();
        if (!sdlResponse.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET /graphql?sdl answered {(int)sdlResponse.StatusCode}: {sdl}");

        var schema = new ServedSchema(Directory.CreateTempSubdirectory("fever-graphql-schema-"));
        await File.WriteAllTextAsync(schema.IntrospectionFile, introspection);
        await File.WriteAllTextAsync(schema.SdlFile, sdl);
        return schema;
    }

    /// <summary>The whole response to graphql-js's introspection query; throws unless it has data and no errors.</summary>
    private static async Task<string> IntrospectAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = await GraphQLJs.IntrospectionQueryAsync() }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !HasDataAndNoErrors(text))
            throw new InvalidOperationException($"The introspection query answered {(int)response.StatusCode}: {(text.Length > 2000 ? text[..2000] + "…" : text)}");
        return text;
    }

    private static bool HasDataAndNoErrors(string json)
    {
        try
        {
            using var answer = JsonDocument.Parse(json);
            return answer.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && !root.TryGetProperty("errors", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
