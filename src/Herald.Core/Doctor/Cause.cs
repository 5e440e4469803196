using Herald.Bounces;

namespace Herald.Core.Doctor;

/// <summary>One reason mail may not arrive: what, who must act, and the next step.</summary>
/// <param name="Code">Stable kebab-case name (<see cref="CauseCodes"/>), for scripts and the JSON.</param>
/// <param name="Actor">Who must act: the recipient, their IT, the sender (Herald's operator), or nobody (it clears by itself).</param>
/// <param name="Evidence">What it was read from, exactly (a DNS answer, the raw SMTP reply); null when there is nothing to quote.</param>
public sealed record Cause(string Code, Actor Actor, string Summary, string NextStep, string? Evidence = null)
{
    public int Rank => CauseCodes.Rank(Code);
}
