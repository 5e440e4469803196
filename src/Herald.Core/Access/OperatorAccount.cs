namespace Herald.Core.Access;

/// <summary>A support-console user: a name (it appears in every audit line) and a password hash, never the password.</summary>
public sealed record OperatorAccount(string Name, string PasswordHash, DateTimeOffset CreatedAt);
