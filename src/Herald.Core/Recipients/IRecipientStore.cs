namespace Herald.Core.Recipients;

/// <summary>Recipients, their addresses, preferences and verification tokens (port). An address belongs to at most one recipient.</summary>
public interface IRecipientStore
{
    /// <summary>Creates the recipient with its first address as primary; Conflict when the id or an address is taken.</summary>
    Task<RecipientChange> CreateAsync(string id, IReadOnlyList<string> addresses, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The recipient with its addresses, the primary one first, each as it was first given; null when unknown.</summary>
    Task<Recipient?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The recipient owning an address (compared case-insensitively), or null.</summary>
    Task<Recipient?> FindByAddressAsync(string address, CancellationToken cancellationToken);

    Task<RecipientChange> AddAddressAsync(string id, string address, bool primary, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a secondary address; the primary can only go once another address was made primary.</summary>
    Task<RecipientChange> RemoveAddressAsync(string id, string address, CancellationToken cancellationToken);

    Task<RecipientChange> MakePrimaryAsync(string id, string address, CancellationToken cancellationToken);

    /// <summary>Marks an address verified (the application vouches for it); its pending token is spent.</summary>
    Task<RecipientChange> MarkVerifiedAsync(string id, string address, string by, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The stored preferences; categories never changed are absent (their catalogue default applies).</summary>
    Task<IReadOnlyList<Preference>> GetPreferencesAsync(string id, CancellationToken cancellationToken);

    /// <summary>Persists a preference durably before returning; false when the recipient does not exist.</summary>
    Task<bool> SetPreferenceAsync(string id, Preference preference, CancellationToken cancellationToken);

    /// <summary>Stores a verification token's hash (and code hash), replacing any older one for the same address.</summary>
    Task IssueVerificationAsync(string id, string address, string tokenHash, string? codeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Spends a token: verified once (with the address as the recipient has it), refused when unknown, used, replaced or
    /// expired, or when the address no longer belongs to the recipient it was issued for.
    /// </summary>
    Task<VerificationRedemption> RedeemTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Spends a code for one address; <see cref="VerificationRules.MaxCodeFailures"/> wrong codes spend the token too.</summary>
    Task<VerificationRedemption> RedeemCodeAsync(string id, string address, string codeHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one verification request for an address (whether or not Herald knows it) and says whether it is
    /// within <paramref name="max"/> per <paramref name="window"/>; a refused request is not counted.
    /// </summary>
    Task<bool> TryCountVerificationRequestAsync(string address, DateTimeOffset now, TimeSpan window, int max, CancellationToken cancellationToken);

    /// <summary>The latest messages to any of the addresses (compared case-insensitively), newest first.</summary>
    Task<IReadOnlyList<RecipientMessage>> LatestMessagesAsync(IReadOnlyList<string> addresses, int limit, CancellationToken cancellationToken);
}
