using System.Text.Json;

namespace Herald.Core.Messages;

/// <summary>What an application sends to <c>POST /v1/messages</c>, before validation.</summary>
public sealed record SubmitRequest(string? Type, string? To, JsonElement? Data, string? IdempotencyKey);
