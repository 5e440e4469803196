using Herald.Core.Access;

namespace Herald.Server.Api.Keys;

/// <summary>A key as listed; <paramref name="Key"/> (the secret) only in the answer that created it.</summary>
public sealed record KeyView(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Key = null)
{
    public static KeyView From(ApiKey k, string? token = null) => new(k.Id, k.Name, k.Scopes, k.CreatedAt, k.RevokedAt, token);
}
