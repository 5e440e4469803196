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

    /// <summary>A webhook delivery state from its wire word (pending, delivered, dead); false for anything else.</summary>
    public static bool TryParse(string? word, out WebhookDeliveryState state)
    {
        foreach (var candidate in Enum.GetValues<WebhookDeliveryState>())
        {
            if (string.Equals(candidate.ToWire(), word, StringComparison.Ordinal))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
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
