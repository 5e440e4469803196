namespace Herald.Core.Feedback;

/// <summary>One webhook event for one endpoint, stored with the change that caused it (a durable outbox).</summary>
/// <param name="Id">The event id sent as webhook-id; stable across retries so receivers can de-duplicate.</param>
/// <param name="Payload">The JSON body, exactly as signed and sent.</param>
/// <param name="Address">
/// The address the event is about, kept beside the payload so that the console lists an address's deliveries and
/// erasure finds them without reading JSON (where System.Text.Json writes a '+' as <c>\u002B</c>); null for an event
/// about no one address. Only set when the row is written.
/// </param>
public sealed record OutboxMessage(long Seq, string Id, string Endpoint, string Type, string Payload, DateTimeOffset CreatedAt, int Attempts,
    string? Address = null);
