namespace Herald.Core.Access;

/// <summary>API keys (port). Ids are unique; a revoked key stays listed, with its revocation time, for the audit.</summary>
public interface IApiKeyStore
{
    Task AddAsync(StoredApiKey key, CancellationToken cancellationToken);

    /// <summary>The key with this id, revoked or not; null when there is none.</summary>
    Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the key at <paramref name="at"/>; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
