using System.Data.Common;
using System.Text.Json;
using Herald.Core.Messages;

namespace Herald.Storage.Postgres;

/// <summary>The column list every message query selects, and its mapping to <see cref="StoredMessage"/> (as in SQLite).</summary>
internal static class MessageRows
{
    /// <summary>
    /// What a message query selects from (<see cref="From"/>, messages as <c>m</c>): while the message waits, its queue
    /// row is the home of its attempts and next attempt (migration 0007); messages holds them as of its last enqueue or
    /// outcome, the copy a final message keeps.
    /// </summary>
    public const string Columns =
        "m.id, m.type, m.category, m.priority, m.to_address, m.data_json, m.secret_fields, m.idempotency_key, m.request_hash, " +
        "m.created_at, m.expires_at, m.message_id_header, m.return_path, m.route, m.status, COALESCE(q.attempts, m.attempts), " +
        "COALESCE(q.next_attempt_at, m.next_attempt_at), m.updated_at";

    /// <summary>Messages (<c>m</c>) with their queue row (<c>q</c>) when they have one; conditions name <c>m.</c>'s columns.</summary>
    public const string From = "messages m LEFT JOIN queue q ON q.id = m.id";

    /// <summary>Index of the first column after <see cref="Columns"/>, for queries that select more.</summary>
    public const int Next = 18;

    public static StoredMessage Read(DbDataReader r) => new(
        Id: r.GetString(0),
        Type: r.GetString(1),
        Category: r.GetString(2),
        Priority: (Priority)r.GetInt32(3),
        To: r.GetString(4),
        DataJson: r.IsDBNull(5) ? null : r.GetString(5),
        SecretFields: ReadSecretFields(r.GetString(6)),
        IdempotencyKey: r.IsDBNull(7) ? null : r.GetString(7),
        RequestHash: r.GetString(8),
        CreatedAt: UnixMs.To(r.GetInt64(9)),
        ExpiresAt: UnixMs.To(r.GetInt64(10)),
        MessageIdHeader: r.GetString(11),
        ReturnPath: r.GetString(12),
        Route: r.GetString(13),
        Status: MessageStatusExtensions.ParseWire(r.GetString(14)),
        Attempts: r.GetInt32(15),
        NextAttemptAt: UnixMs.To(r.GetInt64(16)),
        UpdatedAt: UnixMs.To(r.GetInt64(17)));

    /// <summary>What a new message looks like once inserted: queued, due at once, never attempted.</summary>
    public static StoredMessage FromNew(NewMessage m) => new(
        m.Id, m.Type, m.Category, m.Priority, m.To, m.DataJson, m.SecretFields, m.IdempotencyKey, m.RequestHash,
        Truncate(m.CreatedAt), Truncate(m.ExpiresAt), m.MessageIdHeader, m.ReturnPath, m.Route,
        MessageStatus.Queued, Attempts: 0, NextAttemptAt: Truncate(m.CreatedAt), UpdatedAt: Truncate(m.CreatedAt));

    /// <summary>The <c>secret_fields</c> column: a JSON array of top-level field names of <c>data_json</c>.</summary>
    public static string WriteSecretFields(IReadOnlyList<string> fields) => fields.Count == 0 ? "[]" : JsonSerializer.Serialize(fields);

    public static IReadOnlyList<string> ReadSecretFields(string json) => json == "[]" ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>Same precision as a read-back, so a Created result equals a later GetAsync.</summary>
    private static DateTimeOffset Truncate(DateTimeOffset t) => UnixMs.To(UnixMs.From(t));
}
