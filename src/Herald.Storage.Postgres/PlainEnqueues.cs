using Herald.Core.Events;
using Herald.Core.Messages;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// Messages that read nothing before they are stored (no idempotency key, no rate limit, not suppressed at intake),
/// written together: one INSERT of all their rows through unnest and one of their accepted events, however many they
/// are, instead of two statements each (a group commit of 256, a batch of 500). A batch also writes here the messages
/// whose rate limit it has already counted and found under it (EnqueueWrites.RunCountedAsync).
/// </summary>
internal static class PlainEnqueues
{
    /// <summary>The rows and their queue rows, in one statement.</summary>
    private static readonly string InsertSql = QueueRows.Enqueue(
        "INSERT INTO messages (id, type, category, priority, to_address, to_address_lower, data_json, secret_fields, idempotency_key, " +
        "request_hash, created_at, expires_at, message_id_header, return_path, route, status, attempts, next_attempt_at, updated_at, version) " +
        "SELECT id, type, category, priority, to_address, to_address_lower, data_json, secret_fields, NULL, request_hash, created_at, " +
        "expires_at, message_id_header, return_path, route, 'queued', 0, created_at, created_at, 1 FROM unnest($1::text[], $2::text[], " +
        "$3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::text[], " +
        "$13::text[], $14::text[]) AS m(id, type, category, priority, to_address, to_address_lower, data_json, secret_fields, request_hash, " +
        "created_at, expires_at, message_id_header, return_path, route)");

    public static bool Applies(NewMessage message) => message.IdempotencyKey is null && message.RateLimit is null;

    /// <summary>Adds the two statements to <paramref name="batch"/>; returns each message's answer, in order, once they run.</summary>
    public static IReadOnlyList<EnqueueResult> AddWrites(NpgsqlBatch batch, IReadOnlyList<(NewMessage Message, DeliveryEvent Accepted)> items)
    {
        foreach (var (message, accepted) in items)
        {
            // The rows are written queued, without a key: the caller has decided that every one is.
            if (message.IdempotencyKey is not null || accepted.MessageId != message.Id)
            {
                throw new ArgumentException($"{message.Id} has an idempotency key, or its accepted event is another message's", nameof(items));
            }
        }

        var rows = new NpgsqlBatchCommand(InsertSql);
        Positional.Add(rows.Parameters,
            items.Select(x => x.Message.Id).ToArray(), items.Select(x => x.Message.Type).ToArray(), items.Select(x => x.Message.Category).ToArray(),
            items.Select(x => (int)x.Message.Priority).ToArray(), items.Select(x => x.Message.To).ToArray(),
            items.Select(x => x.Message.To.ToLowerInvariant()).ToArray(), items.Select(x => x.Message.DataJson).ToArray(),
            items.Select(x => MessageRows.WriteSecretFields(x.Message.SecretFields)).ToArray(), items.Select(x => x.Message.RequestHash).ToArray(),
            items.Select(x => UnixMs.From(x.Message.CreatedAt)).ToArray(), items.Select(x => UnixMs.From(x.Message.ExpiresAt)).ToArray(),
            items.Select(x => x.Message.MessageIdHeader).ToArray(), items.Select(x => x.Message.ReturnPath).ToArray(),
            items.Select(x => x.Message.Route).ToArray());

        batch.BatchCommands.Add(rows);
        var events = new NpgsqlBatchCommand(EventRows.InsertSql(1));
        EventRows.AddParameters(events.Parameters, items.Select(x => x.Accepted).ToList());
        batch.BatchCommands.Add(events);
        return items.Select(x => (EnqueueResult)new EnqueueResult.Created(MessageRows.FromNew(x.Message))).ToList();
    }
}
