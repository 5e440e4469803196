using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Messages;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite;

/// <summary>Enqueue with idempotency, run inside the writer's transaction so that the key check and insert are atomic.</summary>
internal sealed class EnqueueStatements
{
    private readonly WriterSession _session;
    private readonly SqliteCommand _findByKey;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _recent;
    private readonly SqliteCommand _throttle;

    public EnqueueStatements(WriterSession session)
    {
        _session = session;
        _findByKey = session.Prepare(
            "SELECT " + MessageRows.Columns + " FROM messages " +
            "WHERE idempotency_key = $key AND idempotency_key IS NOT NULL AND created_at >= $since " +
            "ORDER BY created_at DESC LIMIT 1");
        _findByKey.Parameters.Add("$key", SqliteType.Text);
        _findByKey.Parameters.Add("$since", SqliteType.Integer);

        _insert = session.Prepare(
            "INSERT INTO messages (id, type, category, priority, to_address, to_address_lower, data_json, secret_fields, " +
            "idempotency_key, request_hash, created_at, expires_at, message_id_header, return_path, route, status, attempts, " +
            "next_attempt_at, lease_owner, lease_token, lease_expires_at, updated_at, version) VALUES ($id, $type, $category, " +
            "$priority, $to, $to_lower, $data, $secrets, $key, $hash, $created, $expires, $mid, $return_path, $route, 'queued', 0, " +
            "$created, NULL, NULL, NULL, $created, 1)");
        // Counted over the messages kept, in this transaction: every node sees the same count, and a refused request
        // (stored throttled) does not count, so a client hammering the API cannot keep the address locked out longer.
        _recent = session.Prepare(
            "SELECT COUNT(*), MIN(created_at) FROM messages WHERE to_address_lower = $to AND created_at > $since AND type = $type AND status <> 'throttled'");
        _recent.Parameters.Add("$to", SqliteType.Text);
        _recent.Parameters.Add("$since", SqliteType.Integer);
        _recent.Parameters.Add("$type", SqliteType.Text);
        _throttle = session.Prepare("UPDATE messages SET status = 'throttled', data_json = $data WHERE id = $id");
        _throttle.Parameters.Add("$data", SqliteType.Text);
        _throttle.Parameters.Add("$id", SqliteType.Text);
        foreach (var (name, type) in new[]
        {
            ("$id", SqliteType.Text), ("$type", SqliteType.Text), ("$category", SqliteType.Text),
            ("$priority", SqliteType.Integer), ("$to", SqliteType.Text), ("$to_lower", SqliteType.Text),
            ("$data", SqliteType.Text), ("$secrets", SqliteType.Text), ("$key", SqliteType.Text),
            ("$hash", SqliteType.Text), ("$created", SqliteType.Integer), ("$expires", SqliteType.Integer),
            ("$mid", SqliteType.Text), ("$return_path", SqliteType.Text), ("$route", SqliteType.Text),
        })
        {
            _insert.Parameters.Add(name, type);
        }
    }

    public EnqueueResult Run(NewMessage m, DeliveryEvent accepted, DateTimeOffset idempotencySince)
    {
        if (accepted.MessageId != m.Id)
        {
            throw new ArgumentException($"accepted event is for {accepted.MessageId}, not {m.Id}", nameof(accepted));
        }

        if (m.IdempotencyKey is { } key && FindByKey(key, idempotencySince) is { } existing)
        {
            return RequestHashes.SameRequest(existing.RequestHash, m.RequestHash)
                ? new EnqueueResult.Duplicate(existing)
                : new EnqueueResult.KeyConflict(existing.Id);
        }

        var retryAt = m.RateLimit is { } limit ? OverLimitUntil(m, limit) : null;
        var p = _insert.Parameters;
        p[0].Value = m.Id;
        p[1].Value = m.Type;
        p[2].Value = m.Category;
        p[3].Value = (int)m.Priority;
        p[4].Value = m.To;
        p[5].Value = m.To.ToLowerInvariant();
        p[6].Value = m.DataJson;
        p[7].Value = SecretFieldsJson.Write(m.SecretFields);
        p[8].Value = DbValue.Of(m.IdempotencyKey);
        p[9].Value = m.RequestHash;
        p[10].Value = UnixMs.From(m.CreatedAt);
        p[11].Value = UnixMs.From(m.ExpiresAt);
        p[12].Value = m.MessageIdHeader;
        p[13].Value = m.ReturnPath;
        p[14].Value = m.Route;
        _insert.ExecuteNonQuery();
        _session.InsertEvent(accepted);
        if (retryAt is { } until)
        {
            _throttle.Parameters[0].Value = DbValue.Of(SecretData.Purge(m.DataJson, m.SecretFields));
            _throttle.Parameters[1].Value = m.Id;
            _throttle.ExecuteNonQuery();
            _session.InsertEvent(new DeliveryEvent(m.Id, m.CreatedAt, EventType.Throttled, Detail: m.RateLimit!.Refusal(m.Type, until)));
            return new EnqueueResult.Throttled(MessageRows.FromNew(m) with { Status = MessageStatus.Throttled }, until);
        }

        return new EnqueueResult.Created(MessageRows.FromNew(m));
    }

    /// <summary>When the oldest counted message leaves the window, if the address already had its limit of this type.</summary>
    private DateTimeOffset? OverLimitUntil(NewMessage m, RateLimit limit)
    {
        _recent.Parameters[0].Value = m.To.ToLowerInvariant();
        _recent.Parameters[1].Value = UnixMs.From(m.CreatedAt - limit.Window);
        _recent.Parameters[2].Value = m.Type;
        using var reader = _recent.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) >= limit.Count ? UnixMs.To(reader.GetInt64(1)) + limit.Window : null;
    }

    private StoredMessage? FindByKey(string key, DateTimeOffset since)
    {
        _findByKey.Parameters[0].Value = key;
        _findByKey.Parameters[1].Value = UnixMs.From(since);
        using var reader = _findByKey.ExecuteReader();
        return reader.Read() ? MessageRows.Read(reader) : null;
    }
}
