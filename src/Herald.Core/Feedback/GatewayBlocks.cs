using Herald.Core.Bounces;

namespace Herald.Core.Feedback;

/// <summary>
/// A refusal that names a security gateway (Mimecast, Proofpoint...) but whose wording the classifier could not map to a
/// reason (e.g. Mimecast's "Rejected by header based Anti-Spoofing policy") is still the gateway's decision, taken for
/// the recipient's organisation: treated as a gateway block, never as the address's fault.
/// </summary>
public static class GatewayBlocks
{
    public static BounceRecord Normalise(BounceRecord record) =>
        record is { Scenario: Scenario.Unknown, Named: not null, Suppress: not SuppressAdvice.Suspend }
            ? record with { Scenario = Scenario.SecurityGatewayBlock, Actor = Actor.RecipientIt }
            : record;
}
