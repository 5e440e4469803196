using System.Text.Json;

namespace Herald.Core.Messages;

/// <summary>What a caller asks to send, before validation: to an address, or to a registered recipient (<paramref name="Recipient"/>).</summary>
/// <param name="To">The address; null when <paramref name="Recipient"/> names who to send to.</param>
public sealed record SubmitRequest(string? Type, string? To, JsonElement? Data, string? IdempotencyKey, RecipientTarget? Recipient = null);
