using System.Runtime.CompilerServices;
using Herald.Core.Messages;
using Herald.Core.Recipients;

namespace Herald.Server.Recipients;

/// <summary>
/// The recipient a delivery attempt is addressed to, read once per attempt. The preference gate, the unsubscribe headers
/// and the settings link in the footer each need it, and each asked the store: three reads per message delivered
/// (pg_stat_statements in PG_ONLY=1 PG_STATEMENTS=1 bench/delivery-postgres.sh 4000: 11,600 look-ups for 4,000
/// messages, 2026-12-01). Keyed by the claimed message, an instance per attempt (each claim reads its row anew), so the
/// next attempt reads again and a preference changed while the message waited still counts: preferences apply at send
/// time (<see cref="PreferenceGate"/>).
/// </summary>
internal sealed class AttemptRecipients(IRecipientStore store)
{
    private readonly ConditionalWeakTable<StoredMessage, Task<Recipient?>> _found = [];

    public Task<Recipient?> ForAsync(StoredMessage message, CancellationToken cancellationToken) =>
        _found.GetValue(message, m => store.FindByAddressAsync(m.To, cancellationToken));
}
