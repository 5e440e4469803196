namespace Herald.Server.Api.Keys;

/// <summary>Body of POST /v1/keys: who holds the key and what it may do.</summary>
public sealed record KeyRequest(string? Name, string[]? Scopes);
