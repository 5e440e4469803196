using Dapper;
using Herald.Core.Feedback;
using Npgsql;

namespace Herald.Storage.Postgres.Feedback;

/// <summary>Outbox rows with their attempts; the one place this store tells a row's state from its columns (as SQLite's).</summary>
internal static class WebhookRows
{
    /// <summary>A dead letter: never delivered and no attempt to come (the worker gave up after the schedule's last).</summary>
    public const string DeadSql = "delivered_at IS NULL AND next_attempt_at IS NULL";

    private const string PendingSql = "delivered_at IS NULL AND next_attempt_at IS NOT NULL";

    private static string Where(WebhookDeliveryState state) => state switch
    {
        WebhookDeliveryState.Delivered => "delivered_at IS NOT NULL",
        WebhookDeliveryState.Dead => DeadSql,
        _ => PendingSql,
    };

    public static Task<IReadOnlyList<WebhookDelivery>> ListAsync(NpgsqlConnection c, string endpoint, WebhookDeliveryState? state,
        long? before, long? seq, int limit, CancellationToken cancellationToken) =>
        ListAsync(c, "endpoint = @key", endpoint, state, before, seq, limit, cancellationToken);

    /// <summary>Rows about one address, any endpoint (the address column is written lower-case).</summary>
    public static Task<IReadOnlyList<WebhookDelivery>> ForAddressAsync(NpgsqlConnection c, string address, int limit, CancellationToken cancellationToken) =>
        ListAsync(c, "address = @key", address.ToLowerInvariant(), null, null, null, limit, cancellationToken);

    private static async Task<IReadOnlyList<WebhookDelivery>> ListAsync(NpgsqlConnection c, string filter, string key, WebhookDeliveryState? state,
        long? before, long? seq, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<WebhookDelivery>();
        await using (var r = await c.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT seq, id, endpoint, type, created_at, delivered_at, next_attempt_at FROM webhook_outbox WHERE {filter} " +
            (state is { } s ? $"AND {Where(s)} " : "") +
            "AND (@before::bigint IS NULL OR seq < @before) AND (@seq::bigint IS NULL OR seq = @seq) ORDER BY seq DESC LIMIT @limit",
            new { key, before, seq, limit }, cancellationToken: cancellationToken)))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                var next = r.IsDBNull(6) ? (DateTimeOffset?)null : UnixMs.To(r.GetInt64(6));
                var rowState = !r.IsDBNull(5) ? WebhookDeliveryState.Delivered : next is null ? WebhookDeliveryState.Dead : WebhookDeliveryState.Pending;
                rows.Add(new WebhookDelivery(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), UnixMs.To(r.GetInt64(4)), rowState, next, []));
            }
        }

        if (rows.Count == 0)
        {
            return rows;
        }

        var attempts = new Dictionary<long, List<WebhookAttempt>>();
        await using (var r = await c.ExecuteReaderAsync(new CommandDefinition(
            // The listed rows only: an address's rows are spread over the whole outbox, between them lie everyone else's.
            "SELECT seq, at, delivered, status_code, error FROM webhook_attempts WHERE seq = ANY(@seqs) ORDER BY seq, at, ctid",
            new { seqs = rows.Select(d => d.Seq).ToArray() }, cancellationToken: cancellationToken)))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                var rowSeq = r.GetInt64(0);
                if (!attempts.TryGetValue(rowSeq, out var list))
                {
                    attempts[rowSeq] = list = [];
                }

                list.Add(new WebhookAttempt(UnixMs.To(r.GetInt64(1)), r.GetInt32(2) == 1, r.IsDBNull(3) ? null : r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4)));
            }
        }

        return rows.Select(d => attempts.TryGetValue(d.Seq, out var list) ? d with { Attempts = list } : d).ToList();
    }

    public static async Task<IReadOnlyList<WebhookBacklog>> BacklogAsync(NpgsqlConnection c, CancellationToken cancellationToken) =>
        (await c.QueryAsync<(string Endpoint, long Pending, long Dead)>(new CommandDefinition(
            $"SELECT endpoint, COUNT(*) FILTER (WHERE {PendingSql}), COUNT(*) FILTER (WHERE {DeadSql}) FROM webhook_outbox " +
            "WHERE delivered_at IS NULL GROUP BY endpoint ORDER BY endpoint COLLATE \"C\"", cancellationToken: cancellationToken)))
        .Select(x => new WebhookBacklog(x.Endpoint, x.Pending, x.Dead)).ToList();
}
