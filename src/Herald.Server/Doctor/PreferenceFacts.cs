using Herald.Core.Doctor;
using Herald.Server.Recipients;

namespace Herald.Server.Doctor;

/// <summary>The doctor's view of preferences: the effective ones, under the catalogue's rules (<see cref="Preferences"/>).</summary>
internal sealed class PreferenceFacts(Preferences preferences, CategoryRules rules) : IPreferenceFacts
{
    public async Task<IReadOnlyList<string>> TurnedOffAsync(string recipientId, CancellationToken cancellationToken) =>
        (await preferences.ForAsync(recipientId, cancellationToken)).Where(p => !p.Enabled)
            .Select(p => rules.Find(p.Category)?.Shown.DisplayName ?? p.Category).ToArray();
}
