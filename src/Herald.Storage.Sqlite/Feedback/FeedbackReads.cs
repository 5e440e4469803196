using Herald.Core.Feedback;
using Microsoft.Data.Sqlite;

namespace Herald.Storage.Sqlite.Feedback;

/// <summary>Read queries for the feedback tables on pooled WAL reader connections.</summary>
internal sealed class FeedbackReads(string path)
{
    private readonly string _connectionString = SqliteConnections.ReaderConnectionString(path);

    public async Task<AddressLedger> LedgerAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ledger_json FROM address_ledger WHERE address = $a";
        command.Parameters.AddWithValue("$a", address.ToLowerInvariant());
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? LedgerJson.Read(json) : AddressLedger.Empty(address);
    }

    public async Task<LedgerWithDomain> LedgerWithDomainAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT ledger_json FROM address_ledger WHERE address = $a), " +
            $"EXISTS (SELECT 1 FROM domain_incidents WHERE domain = $d AND {IncidentRows.StateSql(IncidentState.Open)})";
        command.Parameters.AddWithValue("$a", address.ToLowerInvariant());
        command.Parameters.AddWithValue("$d", AddressLedger.DomainOf(address));
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        await r.ReadAsync(cancellationToken);
        var ledger = r.IsDBNull(0) ? AddressLedger.Empty(address) : LedgerJson.Read(r.GetString(0));
        return new LedgerWithDomain(ledger, r.GetInt64(1) == 1);
    }

    public async Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT address, time, action, reason, actor, detail, message_id FROM address_history WHERE address = $a ORDER BY seq";
        command.Parameters.AddWithValue("$a", address.ToLowerInvariant());
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await r.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(r.GetString(0), UnixMs.To(r.GetInt64(1)), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<AddressLedger>> SuspendedAsync(int limit, string? after, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ledger_json FROM address_ledger WHERE state = 'suspended' AND address > $after ORDER BY address LIMIT $limit";
        command.Parameters.AddWithValue("$after", (after ?? "").ToLowerInvariant());
        command.Parameters.AddWithValue("$limit", limit);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<AddressLedger>();
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(LedgerJson.Read(r.GetString(0)));
        }

        return items;
    }

    public async Task<IReadOnlyList<DomainIncident>> IncidentsAsync(string? domain, IncidentState? state, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {IncidentRows.Columns} FROM domain_incidents " +
            $"WHERE ($domain IS NULL OR domain = $domain) AND {IncidentRows.StateSql(state)} ORDER BY last_at DESC LIMIT $limit";
        command.Parameters.AddWithValue("$domain", DbValue.Of(domain?.ToLowerInvariant()));
        command.Parameters.AddWithValue("$limit", limit);
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<DomainIncident>();
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(IncidentRows.From(r));
        }

        return items;
    }

    public async Task<IReadOnlyList<WebhookDelivery>> WebhooksAsync(string endpoint, WebhookDeliveryState? state, long? before, long? seq, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await WebhookRows.ListAsync(connection, endpoint, state, before, seq, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> WebhooksForAddressAsync(string address, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await WebhookRows.ForAddressAsync(connection, address, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookBacklog>> WebhookBacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await WebhookRows.BacklogAsync(connection, cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenReaderAsync(_connectionString, cancellationToken);
}
