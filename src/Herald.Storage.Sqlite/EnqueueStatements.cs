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
        return new EnqueueResult.Created(MessageRows.FromNew(m));
    }

    private StoredMessage? FindByKey(string key, DateTimeOffset since)
    {
        _findByKey.Parameters[0].Value = key;
        _findByKey.Parameters[1].Value = UnixMs.From(since);
        using var reader = _findByKey.ExecuteReader();
        return reader.Read() ? MessageRows.Read(reader) : null;
    }
}
