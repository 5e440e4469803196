using Herald.Core.Messages;
using Herald.Server.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Server.Api.Messages;

/// <summary>
/// What the API answers for one message: accepted (the body of a 202), or refused (a ProblemDetails with its status).
/// The one place that turns an <see cref="IntakeResult"/> into words, for a single send and for each message of a batch,
/// so that both answer alike; it also counts the outcome in the metrics.
/// </summary>
/// <param name="Field">The field a refusal that is not a validation problem is about (<c>idempotencyKey</c>, <c>to</c>).</param>
/// <param name="RetryAfterSeconds">For a throttled message: RFC 9110 section 10.2.3's Retry-After, in seconds.</param>
internal sealed record IntakeAnswer(SendMessageResponse? Accepted, bool Replayed, ProblemDetails? Refused, string? Field = null, int? RetryAfterSeconds = null)
{
    public const string InvalidTitle = "The request is not valid";

    /// <param name="prefix">Put before every field name: <c>messages[3].</c> in a batch, empty for a single send.</param>
    public static IntakeAnswer From(IntakeResult result, string prefix, TimeProvider time, HeraldMetrics metrics)
    {
        switch (result)
        {
            case IntakeResult.Accepted accepted:
                if (!accepted.Replayed)
                {
                    metrics.Message("accepted", accepted.Message);
                    if (accepted.Message.Status == MessageStatus.Suppressed)
                    {
                        metrics.Message(MessageStatus.Suppressed.ToWire(), accepted.Message); // decided at intake, never in a lane
                    }
                }

                return new IntakeAnswer(Response(accepted.Message, accepted.Suspension), accepted.Replayed, null);
            case IntakeResult.Invalid invalid:
                return Invalid(invalid.Errors.ToDictionary(e => prefix + e.Key, e => e.Value, StringComparer.Ordinal));
            case IntakeResult.Throttled throttled:
                metrics.Message(MessageStatus.Throttled.ToWire(), throttled.Message);
                // RFC 6585 section 4. The refused message is kept (status throttled) so support sees the request and the
                // reason in the recipient's list.
                var wait = Math.Max(1, (int)Math.Ceiling((throttled.RetryAt - time.GetUtcNow()).TotalSeconds));
                return new IntakeAnswer(null, false, new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many messages of this type to this address",
                    Detail = $"Not sent: {throttled.Reason}. The next one is accepted from {throttled.RetryAt:u}.",
                    Extensions = { ["messageId"] = throttled.Message.Id, ["retryAt"] = throttled.RetryAt },
                }, prefix + "to", wait);
            case IntakeResult.KeyConflict conflict:
                return new IntakeAnswer(null, false, new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Idempotency key reused with a different request",
                    Detail = $"The key was used for message {conflict.ExistingMessageId} with another type, recipient or data within the last {conflict.Window.TotalHours:0} hours.",
                    Extensions = { ["field"] = prefix + "idempotencyKey", ["messageId"] = conflict.ExistingMessageId },
                }, prefix + "idempotencyKey");
            case var other:
                throw new InvalidOperationException($"unknown intake result {other}");
        }
    }

    /// <summary>A 400 naming each field with a problem.</summary>
    public static IntakeAnswer Invalid(IDictionary<string, string[]> errors) =>
        new(null, false, new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = InvalidTitle });

    /// <summary>
    /// The refusal as a ProblemDetails with <c>errors</c> naming its field, whatever the reason: in a batch every refused
    /// message names the field at fault (<c>messages[3].to</c>), as a 400 does.
    /// </summary>
    public HttpValidationProblemDetails? RefusedWithField()
    {
        if (Refused is null or HttpValidationProblemDetails)
        {
            return Refused as HttpValidationProblemDetails;
        }

        var named = new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [Field!] = [Refused.Title!] })
        {
            Status = Refused.Status,
            Title = Refused.Title,
            Detail = Refused.Detail,
        };
        foreach (var (key, value) in Refused.Extensions)
        {
            named.Extensions[key] = value;
        }

        return named;
    }

    private static SendMessageResponse Response(StoredMessage m, Core.Feedback.Suspension? s)
    {
        var links = MessageView.LinksFor(m.Id, m.To);
        // The answer replays the state at acceptance, so a retried request gets exactly the first answer.
        return m.Status == MessageStatus.Suppressed
            ? new SendMessageResponse(m.Id, MessageStatus.Suppressed.ToWire(), links, s is null ? "address suspended" : s.Describe(), s?.Since)
            : new SendMessageResponse(m.Id, MessageStatus.Queued.ToWire(), links);
    }
}
