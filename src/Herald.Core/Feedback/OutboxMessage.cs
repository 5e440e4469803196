namespace Herald.Core.Feedback;

/// <summary>One webhook event for one endpoint, stored with the change that caused it (a durable outbox).</summary>
/// <param name="Id">The event id sent as webhook-id; stable across retries so receivers can de-duplicate.</param>
/// <param name="Payload">The JSON body, exactly as signed and sent.</param>
public sealed record OutboxMessage(long Seq, string Id, string Endpoint, string Type, string Payload, DateTimeOffset CreatedAt, int Attempts);
