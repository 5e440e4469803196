namespace Herald.Core.Access;

/// <summary>A key and the SHA-256 of its secret, as the store keeps them.</summary>
public sealed record StoredApiKey(ApiKey Key, string SecretHash);
