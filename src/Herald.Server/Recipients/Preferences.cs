using Herald.Core.Recipients;

namespace Herald.Server.Recipients;

/// <summary>Reads and changes a recipient's preferences under the catalogue's rules.</summary>
internal sealed class Preferences(IRecipientStore store, CategoryRules rules, TimeProvider time)
{
    public async Task<IReadOnlyList<EffectivePreference>> ForAsync(string recipientId, CancellationToken cancellationToken)
    {
        var stored = (await store.GetPreferencesAsync(recipientId, cancellationToken)).ToDictionary(p => p.Category, StringComparer.Ordinal);
        return rules.All.Select(r => Effective(r, stored.GetValueOrDefault(r.Category))).ToArray();
    }

    public async Task<EffectivePreference?> ForAsync(string recipientId, string category, CancellationToken cancellationToken)
    {
        if (rules.Find(category) is not { } rule)
        {
            return null;
        }

        var stored = (await store.GetPreferencesAsync(recipientId, cancellationToken)).FirstOrDefault(p => p.Category == category);
        return Effective(rule, stored);
    }

    /// <summary>Persists the choice durably before returning.</summary>
    public async Task<PreferenceChange> SetAsync(string recipientId, string category, bool enabled, string source, CancellationToken cancellationToken)
    {
        if (rules.Find(category) is not { } rule)
        {
            return new PreferenceChange.UnknownCategory(rules.All.Select(r => r.Category).ToArray());
        }

        if (!enabled && !rule.OptOut)
        {
            // The reader's sentence from the catalogue, and for the developer the types that lock it.
            return new PreferenceChange.Mandatory(
                $"{rule.Shown.LockedReason} (the catalogue marks {string.Join(", ", rule.Shown.Types.Where(t => !t.OptOut).Select(t => t.Key))} OptOut: false)");
        }

        var preference = new Preference(category, enabled, time.GetUtcNow(), source);
        return await store.SetPreferenceAsync(recipientId, preference, cancellationToken)
            ? new PreferenceChange.Done(Effective(rule, preference))
            : new PreferenceChange.NoRecipient();
    }

    private static EffectivePreference Effective(CategoryRule rule, Preference? stored) =>
        !rule.OptOut
            ? new EffectivePreference(rule.Category, true, false, stored is null, stored?.ChangedAt, stored?.Source)
            : stored is null
                ? new EffectivePreference(rule.Category, rule.DefaultOn, true, true, null, null)
                : new EffectivePreference(rule.Category, stored.Enabled, true, false, stored.ChangedAt, stored.Source);
}
