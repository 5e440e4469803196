using Herald.Bounces;

namespace Herald.Core.Feedback;

/// <summary>The kebab-case words used for feedback enums in the API, storage and webhooks.</summary>
public static class FeedbackWire
{
    public static string ToWire(this SuppressionReason reason) => Kebab(reason.ToString());

    public static string ToWire(this SuppressionSource source) => Kebab(source.ToString());

    public static string ToWire(this Scenario scenario) => Kebab(scenario.ToString());

    public static string ToWire(this Actor actor) => Kebab(actor.ToString());

    public static string ToWire(this DeliverabilityState state) => Kebab(state.ToString());

    public static string ToWire(this WebhookDeliveryState state) => Kebab(state.ToString());

    public static string ToWire(this IncidentState state) => Kebab(state.ToString());

    public static string ToWire(this IncidentCloseReason reason) => Kebab(reason.ToString());

    /// <summary>A webhook delivery state from its wire word (pending, delivered, dead); false for anything else.</summary>
    public static bool TryParse(string? word, out WebhookDeliveryState state) => TryParseWire(word, out state);

    /// <summary>An incident state from its wire word (open, closed); false for anything else.</summary>
    public static bool TryParse(string? word, out IncidentState state) => TryParseWire(word, out state);

    /// <summary>Why an incident closed, from its wire word (delivered, quiet); false for anything else.</summary>
    public static bool TryParse(string? word, out IncidentCloseReason reason) => TryParseWire(word, out reason);

    private static bool TryParseWire<T>(string? word, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Kebab(candidate.ToString()), word, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Kebab(string pascal)
    {
        var chars = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                chars.Append('-');
            }

            chars.Append(char.ToLowerInvariant(pascal[i]));
        }

        return chars.ToString();
    }
}
