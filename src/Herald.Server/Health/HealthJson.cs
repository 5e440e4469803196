using System.Text.Json.Serialization;

namespace Herald.Server.Health;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthResponse.Answer))]
internal sealed partial class HealthJson : JsonSerializerContext;
