using System.Text.Json.Serialization;

namespace Fever.Api.BananaCakePop;

// camelCase as Banana Cake Pop expects, whatever naming the API's own JSON uses.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BananaCakePopConfig))]
public sealed partial class BananaCakePopJsonContext : JsonSerializerContext;
