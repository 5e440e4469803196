namespace Herald.Core.Recipients;

/// <summary>One address of a recipient: the primary one or a secondary login, verified or not.</summary>
/// <param name="VerifiedBy">How it was verified: <c>link</c>, <c>code</c> or <c>application</c>; null while unverified.</param>
public sealed record ContactAddress(string Address, bool IsPrimary, DateTimeOffset AddedAt, DateTimeOffset? VerifiedAt, string? VerifiedBy);
