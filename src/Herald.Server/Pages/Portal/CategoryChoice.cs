using Herald.Server.Recipients;

namespace Herald.Server.Pages.Portal;

public sealed record CategoryChoice(CategoryRule Rule, EffectivePreference Preference)
{
    /// <summary>The element id the "Turn it back on" links of skipped messages point at.</summary>
    public string Anchor => AnchorOf(Rule.Category);

    public static string AnchorOf(string category) => "pref-" + category;
}
