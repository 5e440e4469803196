using System.Text.Json;

namespace Herald.Server.Api.Messages;

/// <summary>The body of <c>POST /v1/messages</c> (documented in OpenAPI; parsed by hand for precise errors).</summary>
/// <param name="Type">A notification type key from the catalogue, e.g. <c>magic-code</c>.</param>
/// <param name="To">Exactly one address, e.g. <c>ana@example.com</c>; or a recipient, <c>{"recipient": "u_42"}</c> for its primary address, <c>{"recipient": "u_42", "address": "ana@example.com"}</c> for one of its addresses.</param>
/// <param name="Data">The template fields of the type.</param>
/// <param name="IdempotencyKey">Same key and body within 24 h: same answer, no second message.</param>
public sealed record SendMessageRequest(string Type, JsonElement To, JsonElement Data, string? IdempotencyKey);
