using Dapper;
using Herald.Core.Messages;
using Herald.Core.Recipients;
using Npgsql;

namespace Herald.Storage.Postgres.Recipients;

/// <summary>Recipients in the shared database; every change is one durable transaction (an unsubscribe is kept before Herald answers).</summary>
public sealed class PostgresRecipientStore(PostgresStore store) : IRecipientStore
{
    public Task<RecipientChange> CreateAsync(string id, IReadOnlyList<string> addresses, DateTimeOffset now, CancellationToken cancellationToken) =>
        Change((c, tx) => RecipientWrites.CreateAsync(c, tx, id, addresses, now), cancellationToken);

    public Task<Recipient?> GetAsync(string id, CancellationToken cancellationToken) =>
        store.ReadAsync(c => RecipientRows.LoadAsync(c, null, id), cancellationToken);

    public Task<Recipient?> FindByAddressAsync(string address, CancellationToken cancellationToken) =>
        store.ReadAsync(c => RecipientRows.ByAddressAsync(c, address), cancellationToken);

    public Task<RecipientChange> AddAddressAsync(string id, string address, bool primary, DateTimeOffset now, CancellationToken cancellationToken) =>
        Change((c, tx) => RecipientWrites.AddAddressAsync(c, tx, id, address, primary, now), cancellationToken);

    public Task<RecipientChange> RemoveAddressAsync(string id, string address, CancellationToken cancellationToken) =>
        Change((c, tx) => RecipientWrites.RemoveAddressAsync(c, tx, id, address), cancellationToken);

    public Task<RecipientChange> MakePrimaryAsync(string id, string address, CancellationToken cancellationToken) =>
        Change((c, tx) => RecipientWrites.MakePrimaryAsync(c, tx, id, address), cancellationToken);

    public Task<RecipientChange> MarkVerifiedAsync(string id, string address, string by, DateTimeOffset now, CancellationToken cancellationToken) =>
        Change((c, tx) => RecipientWrites.MarkVerifiedAsync(c, tx, id, address, by, now), cancellationToken);

    public Task<IReadOnlyList<Preference>> GetPreferencesAsync(string id, CancellationToken cancellationToken) =>
        store.ReadAsync(c => RecipientRows.PreferencesAsync(c, id), cancellationToken);

    public Task<bool> SetPreferenceAsync(string id, Preference preference, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => RecipientWrites.SetPreferenceAsync(c, tx, id, preference), durable: true, cancellationToken);

    public Task IssueVerificationAsync(string id, string address, string tokenHash, string? codeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => VerificationWrites.IssueAsync(c, tx, id, address, tokenHash, codeHash, expiresAt, now), durable: true, cancellationToken);

    public Task<VerificationRedemption> RedeemTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        Change((c, tx) => VerificationWrites.RedeemTokenAsync(c, tx, tokenHash, now), cancellationToken);

    public Task<VerificationRedemption> RedeemCodeAsync(string id, string address, string codeHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        Change((c, tx) => VerificationWrites.RedeemCodeAsync(c, tx, id, address, codeHash, now), cancellationToken);

    public Task<bool> TryCountVerificationRequestAsync(string address, DateTimeOffset now, TimeSpan window, int max, CancellationToken cancellationToken) =>
        store.WriteAsync((c, tx) => VerificationWrites.TryCountRequestAsync(c, tx, address, now, window, max), durable: true, cancellationToken);

    public Task<IReadOnlyList<RecipientMessage>> LatestMessagesAsync(IReadOnlyList<string> addresses, int limit, CancellationToken cancellationToken) =>
        addresses.Count == 0
            ? Task.FromResult<IReadOnlyList<RecipientMessage>>([])
            : store.ReadAsync<IReadOnlyList<RecipientMessage>>(async c =>
            {
                // Each address is one range of ix_messages_recipient; the last event's detail says why in plain words.
                var rows = await c.QueryAsync<(string Id, string Type, string Category, string To, string Status, long Created, long Updated, string? Detail)>(
                    new CommandDefinition(
                        "SELECT m.id, m.type, m.category, m.to_address, m.status, m.created_at, m.updated_at, " +
                        "(SELECT e.detail FROM events e WHERE e.message_id = m.id ORDER BY e.seq DESC LIMIT 1) " +
                        "FROM messages m WHERE m.to_address_lower = ANY(@addresses) ORDER BY m.created_at DESC, m.id DESC LIMIT @limit",
                        new { addresses = addresses.Select(a => a.ToLowerInvariant()).ToArray(), limit }, cancellationToken: cancellationToken));
                return rows.Select(r => new RecipientMessage(r.Id, r.Type, r.Category, r.To, MessageStatusExtensions.ParseWire(r.Status),
                    UnixMs.To(r.Created), UnixMs.To(r.Updated), r.Detail)).ToList();
            }, cancellationToken);

    /// <summary>A recipient change, serialized with every other across nodes (see <see cref="RecipientWrites"/>).</summary>
    private Task<T> Change<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        store.WriteAsync(async (c, tx) =>
        {
            await RecipientWrites.LockAsync(c, tx);
            return await work(c, tx);
        }, durable: true, cancellationToken);
}
