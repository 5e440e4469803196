using Herald.Core.Feedback;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>SQL for the ledger tables, run on the writer's connection inside its transaction.</summary>
internal static class LedgerRows
{
    public static AddressLedger Read(SqliteConnection connection, string address)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ledger_json FROM address_ledger WHERE address = $a";
        command.Parameters.AddWithValue("$a", address.ToLowerInvariant());
        return command.ExecuteScalar() is string json ? LedgerJson.Read(json) : AddressLedger.Empty(address);
    }

    public static void Write(SqliteConnection connection, AddressLedger ledger, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO address_ledger (address, state, reason, since, expires_at, ledger_json, updated_at) " +
            "VALUES ($a, $state, $reason, $since, $expires, $json, $now) ON CONFLICT (address) DO UPDATE SET state = excluded.state, " +
            "reason = excluded.reason, since = excluded.since, expires_at = excluded.expires_at, ledger_json = excluded.ledger_json, " +
            "updated_at = excluded.updated_at";
        var s = ledger.Suspension;
        command.Parameters.AddWithValue("$a", ledger.Address.ToLowerInvariant());
        command.Parameters.AddWithValue("$state", s is null ? "active" : "suspended");
        command.Parameters.AddWithValue("$reason", DbValue.Of(s?.Reason.ToWire()));
        command.Parameters.AddWithValue("$since", DbValue.Of(s?.Since));
        command.Parameters.AddWithValue("$expires", DbValue.Of(s?.ExpiresAt));
        command.Parameters.AddWithValue("$json", LedgerJson.Write(ledger));
        command.Parameters.AddWithValue("$now", UnixMs.From(now));
        command.ExecuteNonQuery();
    }

    public static void Append(SqliteConnection connection, IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var e in entries)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO address_history (address, time, action, reason, actor, detail, message_id) " +
                "VALUES ($a, $t, $action, $reason, $actor, $detail, $mid)";
            command.Parameters.AddWithValue("$a", e.Address.ToLowerInvariant());
            command.Parameters.AddWithValue("$t", UnixMs.From(e.Time));
            command.Parameters.AddWithValue("$action", e.Action);
            command.Parameters.AddWithValue("$reason", DbValue.Of(e.Reason));
            command.Parameters.AddWithValue("$actor", e.Actor);
            command.Parameters.AddWithValue("$detail", DbValue.Of(e.Detail));
            command.Parameters.AddWithValue("$mid", DbValue.Of(e.MessageId));
            command.ExecuteNonQuery();
        }
    }

    public static void Outbox(SqliteConnection connection, IReadOnlyList<OutboxMessage> rows)
    {
        foreach (var row in rows)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO webhook_outbox (id, endpoint, type, payload, created_at, attempts, next_attempt_at, address) " +
                "VALUES ($id, $endpoint, $type, $payload, $created, 0, $created, $address)";
            command.Parameters.AddWithValue("$address", DbValue.Of(row.Address?.ToLowerInvariant()));
            command.Parameters.AddWithValue("$id", row.Id);
            command.Parameters.AddWithValue("$endpoint", row.Endpoint);
            command.Parameters.AddWithValue("$type", row.Type);
            command.Parameters.AddWithValue("$payload", row.Payload);
            command.Parameters.AddWithValue("$created", UnixMs.From(row.CreatedAt));
            command.ExecuteNonQuery();
        }
    }
}
