namespace Herald.Server.Api.Messages;

/// <summary><c>to: {"recipient": "u_42"}</c> (its primary address) or <c>{"recipient": "u_42", "address": "..."}</c> (one of its addresses).</summary>
internal sealed record RecipientTarget(string? Recipient, string? Address);
