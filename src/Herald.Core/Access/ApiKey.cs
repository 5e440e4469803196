namespace Herald.Core.Access;

/// <summary>An API key as stored: never the secret itself, only its hash (<see cref="ApiKeyService"/>).</summary>
/// <param name="Id">The public part of the key, shown in lists and audit entries.</param>
/// <param name="Name">Who holds it, in the operator's words ("web-app", "support-console").</param>
public sealed record ApiKey(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;

    public bool Allows(string scope) => IsActive && Scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>How audit entries name the key's holder.</summary>
    public string Actor => $"key:{Name}";
}
