using System.Text.Json.Serialization;
using Fever.Data;

namespace Fever.Api.Snapshot;

/// <summary>The <c>zones</c> jsonb column as the worker writes it: <c>[{zone_id, name, capacity, price, numbered}]</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<EventZone>))]
public sealed partial class ZonesJsonContext : JsonSerializerContext;
