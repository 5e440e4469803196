using Herald.Core.Feedback;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>Reading outbox rows with their attempts; the one place the state of a row is told from its columns.</summary>
internal static class WebhookRows
{
    /// <summary>A dead letter: never delivered and no attempt to come (the worker gave up after the schedule's last).</summary>
    public const string DeadSql = "delivered_at IS NULL AND next_attempt_at IS NULL";

    private const string PendingSql = "delivered_at IS NULL AND next_attempt_at IS NOT NULL";

    private const string Columns = "seq, id, endpoint, type, created_at, delivered_at, next_attempt_at";

    public static string Where(WebhookDeliveryState state) => state switch
    {
        WebhookDeliveryState.Delivered => "delivered_at IS NOT NULL",
        WebhookDeliveryState.Dead => DeadSql,
        _ => PendingSql,
    };

    public static Task<IReadOnlyList<WebhookDelivery>> ListAsync(SqliteConnection connection, string endpoint, WebhookDeliveryState? state,
        long? before, long? seq, int limit, CancellationToken cancellationToken) =>
        ListAsync(connection, "endpoint = $key", endpoint, state, before, seq, limit, cancellationToken);

    /// <summary>Rows about one address, any endpoint (the address column is written lower-case).</summary>
    public static Task<IReadOnlyList<WebhookDelivery>> ForAddressAsync(SqliteConnection connection, string address, int limit,
        CancellationToken cancellationToken) =>
        ListAsync(connection, "address = $key", address.ToLowerInvariant(), null, null, null, limit, cancellationToken);

    private static async Task<IReadOnlyList<WebhookDelivery>> ListAsync(SqliteConnection connection, string filter, string key,
        WebhookDeliveryState? state, long? before, long? seq, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM webhook_outbox WHERE {filter} " +
            (state is { } s ? $"AND {Where(s)} " : "") +
            "AND ($before IS NULL OR seq < $before) AND ($seq IS NULL OR seq = $seq) ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$before", DbValue.Of(before));
        command.Parameters.AddWithValue("$seq", DbValue.Of(seq));
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<WebhookDelivery>();
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
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

        var attempts = await AttemptsAsync(connection, rows.Select(r => r.Seq).ToList(), cancellationToken);
        return rows.Select(d => attempts.TryGetValue(d.Seq, out var list) ? d with { Attempts = list } : d).ToList();
    }

    public static async Task<IReadOnlyList<WebhookBacklog>> BacklogAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT endpoint, SUM({PendingSql}), SUM({DeadSql}) FROM webhook_outbox " +
            "WHERE delivered_at IS NULL GROUP BY endpoint ORDER BY endpoint";
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<WebhookBacklog>();
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(new WebhookBacklog(r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        }

        return items;
    }

    private static async Task<Dictionary<long, List<WebhookAttempt>>> AttemptsAsync(SqliteConnection connection, List<long> seqs,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // The listed rows only: an address's rows are spread over the whole outbox, between them lie everyone else's.
        command.CommandText = "SELECT seq, at, delivered, status_code, error FROM webhook_attempts WHERE seq IN (" +
            string.Join(", ", seqs.Select((_, i) => "$s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ") ORDER BY seq, at, rowid";
        for (var i = 0; i < seqs.Count; i++)
        {
            command.Parameters.AddWithValue("$s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), seqs[i]);
        }

        var attempts = new Dictionary<long, List<WebhookAttempt>>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var seq = r.GetInt64(0);
            if (!attempts.TryGetValue(seq, out var list))
            {
                attempts[seq] = list = [];
            }

            list.Add(new WebhookAttempt(UnixMs.To(r.GetInt64(1)), r.GetInt64(2) == 1, r.IsDBNull(3) ? null : r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4)));
        }

        return attempts;
    }
}
