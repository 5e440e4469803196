using Herald.Core.Feedback;
using Npgsql;

namespace Herald.Storage.Postgres.Feedback;

/// <summary>
/// An address's ledger and whether its domain has an open incident, in one statement: read on its own
/// (<see cref="PostgresFeedbackStore.GetWithDomainAsync"/>) or after a delivered outcome, in its round trip
/// (QueueWrites.CompleteAsync).
/// </summary>
internal static class LedgerWithDomainRead
{
    private static readonly string Sql = "SELECT (SELECT ledger_json FROM address_ledger WHERE address = $1), " +
        $"EXISTS (SELECT 1 FROM domain_incidents WHERE domain = $2 AND {IncidentWrites.StateSql(IncidentState.Open)})";

    public static NpgsqlBatchCommand Command(string address)
    {
        var command = new NpgsqlBatchCommand(Sql);
        Positional.Add(command.Parameters, address.ToLowerInvariant(), AddressLedger.DomainOf(address));
        return command;
    }

    /// <summary>Reads the row <see cref="Command"/> returns, the reader on its result.</summary>
    public static async Task<LedgerWithDomain> ReadAsync(NpgsqlDataReader reader, string address)
    {
        await reader.ReadAsync();
        var ledger = reader.IsDBNull(0) ? AddressLedger.Empty(address) : LedgerJson.Read(reader.GetString(0));
        return new LedgerWithDomain(ledger, reader.GetBoolean(1));
    }
}
