namespace Herald.Core.Messages;

/// <summary><c>to: {"recipient": "u_42"}</c> (its primary address) or <c>{"recipient": "u_42", "address": "..."}</c> (one of its addresses).</summary>
public sealed record RecipientTarget(string? Recipient, string? Address);
