using Herald.Core.Messages;
using Herald.Core.Recipients;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>
/// Recipients in the same SQLite file as the messages, written through the <see cref="SqliteStore"/>'s one
/// group-commit writer (one writer per file), read on pooled WAL reader connections. Every change is durable
/// (fsync) before its task completes, so a one-click unsubscribe is persisted before Herald answers.
/// </summary>
public sealed class SqliteRecipientStore(SqliteStore store) : IRecipientStore
{
    private readonly string _readers = SqliteConnections.ReaderConnectionString(store.DatabasePath);

    public Task<RecipientChange> CreateAsync(string id, IReadOnlyList<string> addresses, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write(s => RecipientWrites.Create(s.Connection, id, addresses, now), cancellationToken);

    public Task<Recipient?> GetAsync(string id, CancellationToken cancellationToken) =>
        Read(c => RecipientRows.Load(c, id), cancellationToken);

    public Task<Recipient?> FindByAddressAsync(string address, CancellationToken cancellationToken) =>
        Read(c => RecipientRows.OwnerOf(c, address) is { } id ? RecipientRows.Load(c, id) : null, cancellationToken);

    public Task<RecipientChange> AddAddressAsync(string id, string address, bool primary, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write(s => RecipientWrites.AddAddress(s.Connection, id, address, primary, now), cancellationToken);

    public Task<RecipientChange> RemoveAddressAsync(string id, string address, CancellationToken cancellationToken) =>
        Write(s => RecipientWrites.RemoveAddress(s.Connection, id, address), cancellationToken);

    public Task<RecipientChange> MakePrimaryAsync(string id, string address, CancellationToken cancellationToken) =>
        Write(s => RecipientWrites.MakePrimary(s.Connection, id, address), cancellationToken);

    public Task<RecipientChange> MarkVerifiedAsync(string id, string address, string by, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write(s => RecipientWrites.MarkVerified(s.Connection, id, address, by, now), cancellationToken);

    public Task<IReadOnlyList<Preference>> GetPreferencesAsync(string id, CancellationToken cancellationToken) =>
        Read(c => RecipientRows.Preferences(c, id), cancellationToken);

    public Task<bool> SetPreferenceAsync(string id, Preference preference, CancellationToken cancellationToken) =>
        Write(s => RecipientWrites.SetPreference(s.Connection, id, preference), cancellationToken);

    public Task IssueVerificationAsync(string id, string address, string tokenHash, string? codeHash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write(s => VerificationWrites.Issue(s.Connection, id, address, tokenHash, codeHash, expiresAt, now), cancellationToken);

    public Task<VerificationRedemption> RedeemTokenAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write(s => VerificationWrites.RedeemToken(s.Connection, tokenHash, now), cancellationToken);

    public Task<VerificationRedemption> RedeemCodeAsync(string id, string address, string codeHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write(s => VerificationWrites.RedeemCode(s.Connection, id, address, codeHash, now), cancellationToken);

    public Task<bool> TryCountVerificationRequestAsync(string address, DateTimeOffset now, TimeSpan window, int max, CancellationToken cancellationToken) =>
        Write(s => VerificationWrites.TryCountRequest(s.Connection, address, now, window, max), cancellationToken);

    public Task<IReadOnlyList<RecipientMessage>> LatestMessagesAsync(IReadOnlyList<string> addresses, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<RecipientMessage>>(c => addresses.Count == 0 ? [] : Latest(c, addresses, limit), cancellationToken);

    private static List<RecipientMessage> Latest(SqliteConnection c, IReadOnlyList<string> addresses, int limit)
    {
        var names = addresses.Select((_, i) => "$a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var parameters = addresses.Select((a, i) => (names[i], (object?)a.ToLowerInvariant())).Append(("$limit", limit)).ToArray();
        // Each address is one range of ix_messages_recipient; the last event's detail says why in plain words.
        using var command = RecipientRows.Command(c,
            "SELECT m.id, m.type, m.category, m.to_address, m.status, m.created_at, m.updated_at, " +
            "(SELECT e.detail FROM events e WHERE e.message_id = m.id ORDER BY e.seq DESC LIMIT 1) " +
            "FROM messages m WHERE m.to_address_lower IN (" + string.Join(", ", names) + ") " +
            "ORDER BY m.created_at DESC, m.id DESC LIMIT $limit", parameters);
        using var reader = command.ExecuteReader();
        var items = new List<RecipientMessage>();
        while (reader.Read())
        {
            items.Add(new RecipientMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                MessageStatusExtensions.ParseWire(reader.GetString(4)), UnixMs.To(reader.GetInt64(5)), UnixMs.To(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return items;
    }

    private Task<T> Write<T>(Func<WriterSession, T> run, CancellationToken cancellationToken) =>
        store.SubmitAsync(new DelegateWriteOp<T>(run, cancellationToken));

    private async Task<T> Read<T>(Func<SqliteConnection, T> run, CancellationToken cancellationToken)
    {
        await store.OpenAsync(cancellationToken); // creates or migrates the file on first use
        await using var connection = new SqliteConnection(_readers);
        await connection.OpenAsync(cancellationToken);
        return run(connection);
    }
}
