using System.Net.Http.Json;
using System.Text.Json;

namespace Fever.Tests.GraphQL;

/// <summary>Posts GraphQL requests to a running API and returns the response document.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The <c>data</c> of a response that must have no errors.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        Assert.False(response.TryGetProperty("errors", out var errors), $"Unexpected errors: {errors}");
        return response.GetProperty("data");
    }

    /// <summary>The codes of the response's errors.</summary>
    public static IReadOnlyList<string> ErrorCodes(JsonElement response) =>
        response.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => e.GetProperty("extensions").GetProperty("code").GetString()!).ToList()
            : [];
}
