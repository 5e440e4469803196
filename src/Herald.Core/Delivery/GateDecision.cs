namespace Herald.Core.Delivery;

/// <summary>What a gate decided: go on, or end the message with a Skipped or Suppressed outcome.</summary>
public sealed record GateDecision(DeliveryOutcome? Stop)
{
    public static readonly GateDecision Proceed = new((DeliveryOutcome?)null);

    /// <summary>Not sent because the recipient turned this category off (reason names the preference and when).</summary>
    public static GateDecision Skip(string reason) => new(new DeliveryOutcome.Skipped(reason));

    /// <summary>Not sent because the address is suspended (reason says why and since when).</summary>
    public static GateDecision Suppress(string reason) => new(new DeliveryOutcome.Suppressed(reason));
}
