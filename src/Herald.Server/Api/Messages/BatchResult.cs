using Microsoft.AspNetCore.Http;

namespace Herald.Server.Api.Messages;

/// <summary>What became of one message of a batch: exactly one of <paramref name="Accepted"/> and <paramref name="Refused"/>.</summary>
/// <param name="Index">The message's position in the request, from 0.</param>
/// <param name="Accepted">The answer <c>POST /v1/messages</c> gives with its 202.</param>
/// <param name="Replayed">True when the message's idempotency key named an earlier identical request: this is that message.</param>
/// <param name="Refused">Why not, as a ProblemDetails with the status a single send would get (400, 409, 429) and the field at fault under <c>errors</c>, e.g. <c>messages[3].to</c>.</param>
public sealed record BatchResult(int Index, SendMessageResponse? Accepted = null, bool? Replayed = null, HttpValidationProblemDetails? Refused = null);
