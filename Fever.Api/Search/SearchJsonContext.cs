using System.Text.Json.Serialization;

namespace Fever.Api.Search;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(EventSummary))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class SearchJsonContext : JsonSerializerContext;
