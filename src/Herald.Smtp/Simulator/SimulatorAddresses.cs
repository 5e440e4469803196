namespace Herald.Smtp.Simulator;

/// <summary>
/// The simulator's reserved domain and its local parts. <c>.test</c> is reserved for testing and never resolves on
/// the Internet (RFC 6761 section 6.2), so mail to it can only reach the simulator. A <c>+tag</c> after the local
/// part is ignored (<c>bounce+run42@</c> behaves as <c>bounce@</c>), so a test run can use fresh addresses: a hard
/// bounce or a complaint suspends the address it was for.
/// </summary>
public static class SimulatorAddresses
{
    public const string Domain = "simulator.herald.test";

    /// <summary>Every local part the simulator answers to, as documented in docs/simulator.md.</summary>
    public static IReadOnlyDictionary<string, SimulatedCase> LocalParts { get; } = new Dictionary<string, SimulatedCase>(StringComparer.OrdinalIgnoreCase)
    {
        ["delivered"] = SimulatedCase.Delivered,
        ["bounce"] = SimulatedCase.HardBounce,
        ["mailbox-full"] = SimulatedCase.MailboxFull,
        ["greylist"] = SimulatedCase.Greylisted,
        ["auto-reply"] = SimulatedCase.AutoReply,
        ["complaint"] = SimulatedCase.Complaint,
        ["gateway-block"] = SimulatedCase.GatewayBlock,
        ["blocklisted"] = SimulatedCase.Blocklisted,
        ["late-bounce"] = SimulatedCase.LateBounce,
    };

    public static bool IsSimulated(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 0 && address.AsSpan(at + 1).TrimEnd('>').Equals(Domain, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The case for a local part, ignoring any <c>+tag</c>.</summary>
    public static SimulatedCase CaseOf(string localPart)
    {
        var plus = localPart.IndexOf('+', StringComparison.Ordinal);
        var name = plus < 0 ? localPart : localPart[..plus];
        return LocalParts.TryGetValue(name, out var simulated) ? simulated : SimulatedCase.Unknown;
    }
}
