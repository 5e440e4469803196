using System.Data.Common;
using Dapper;
using Herald.Core.Feedback;
using Npgsql;

namespace Herald.Storage.Postgres.Feedback;

/// <summary>
/// Domain incidents inside a transaction: the rows the lifecycle reads, and its decision (<see cref="IncidentLifecycle"/>)
/// written back whole. Every path first takes a transaction-scoped advisory lock on the domain, so two nodes never both
/// open, or both close, one incident (one event each, as SQLite's single writer gives).
/// </summary>
internal static class IncidentWrites
{
    public const string Columns = "id, domain, signature, first_at, last_at, addresses, sample, closed_at, close_reason";

    /// <summary>A block hit: recorded, then opening, joining or (its window past) closing the block's incident.</summary>
    public static async Task<IncidentStep> HitAsync(NpgsqlConnection c, NpgsqlTransaction tx, BlockHit hit)
    {
        await LockAsync(c, tx, hit.Domain);
        var lastClosed = await c.ExecuteScalarAsync<long?>("SELECT MAX(closed_at) FROM domain_incidents WHERE domain = @d AND signature = @s",
            new { d = hit.Domain, s = hit.Signature }, tx);
        var p = new
        {
            d = hit.Domain,
            s = hit.Signature,
            a = hit.Address.ToLowerInvariant(),
            t = UnixMs.From(hit.At),
            since = UnixMs.From(IncidentLifecycle.CountFrom(hit, UnixMs.To(lastClosed))),
        };
        await c.ExecuteAsync("INSERT INTO block_hits (domain, signature, address, time) VALUES (@d, @s, @a, @t)", p, tx);
        var (addresses, first) = await c.QuerySingleAsync<(int, long)>(
            "SELECT COUNT(DISTINCT address)::int, MIN(time) FROM block_hits WHERE domain = @d AND signature = @s AND time >= @since", p, tx);
        var open = await ReadAsync(c, tx, "domain = @d AND signature = @s AND closed_at IS NULL ORDER BY last_at DESC LIMIT 1", p);
        return await WriteAsync(c, tx, IncidentLifecycle.Hit(open.SingleOrDefault(), hit, addresses, UnixMs.To(first), IncidentLifecycle.NewId()));
    }

    /// <summary>A delivery to the domain: its open incidents close.</summary>
    public static async Task<IncidentStep> DeliveredAsync(NpgsqlConnection c, NpgsqlTransaction tx, DomainDelivery delivery)
    {
        await LockAsync(c, tx, delivery.Domain);
        var open = await ReadAsync(c, tx, "domain = @d AND closed_at IS NULL", new { d = delivery.Domain });
        return await WriteAsync(c, tx, IncidentLifecycle.Delivered(open, delivery));
    }

    /// <summary>The sweep: open incidents whose last hit is a window old close as quiet, domain by domain under its lock.</summary>
    public static async Task<IncidentStep> SweepAsync(NpgsqlConnection c, NpgsqlTransaction tx, IncidentSweep sweep)
    {
        var cut = UnixMs.From(sweep.At - sweep.Window);
        var domains = await c.QueryAsync<string>(
            "SELECT DISTINCT domain FROM domain_incidents WHERE closed_at IS NULL AND last_at <= @cut ORDER BY domain", new { cut }, tx);
        var writes = new List<DomainIncident>();
        var notices = new List<IncidentNotice>();
        foreach (var domain in domains)
        {
            // Read again under the lock: another node may have closed them, or a new hit extended one, since the list.
            await LockAsync(c, tx, domain);
            var open = await ReadAsync(c, tx, "domain = @d AND closed_at IS NULL", new { d = domain });
            var step = await WriteAsync(c, tx, IncidentLifecycle.Sweep(open, sweep.At, sweep.Window));
            writes.AddRange(step.Writes);
            notices.AddRange(step.Notices);
        }

        return new IncidentStep(null, writes, notices);
    }

    public static async Task<List<DomainIncident>> ReadAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string where, object parameters,
        CancellationToken cancellationToken = default)
    {
        await using var r = await c.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {Columns} FROM domain_incidents WHERE {where}", parameters, tx, cancellationToken: cancellationToken));
        var items = new List<DomainIncident>();
        while (await r.ReadAsync(cancellationToken))
        {
            items.Add(From(r));
        }

        return items;
    }

    /// <summary>The SQL condition for a state filter (none: every incident).</summary>
    public static string StateSql(IncidentState? state) => state switch
    {
        IncidentState.Open => "closed_at IS NULL",
        IncidentState.Closed => "closed_at IS NOT NULL",
        _ => "TRUE",
    };

    private static DomainIncident From(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), UnixMs.To(r.GetInt64(3)), UnixMs.To(r.GetInt64(4)), r.GetInt32(5), r.GetString(6),
        r.IsDBNull(7) ? null : UnixMs.To(r.GetInt64(7)),
        FeedbackWire.TryParse(r.IsDBNull(8) ? null : r.GetString(8), out IncidentCloseReason reason) ? reason : null);

    private static Task<int> LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, string domain) =>
        c.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", new { name = "incidents:" + domain }, tx);

    private static async Task<IncidentStep> WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, IncidentStep step)
    {
        foreach (var i in step.Writes)
        {
            await c.ExecuteAsync(
                $"INSERT INTO domain_incidents ({Columns}) VALUES (@id, @domain, @signature, @first, @last, @n, @sample, @closed, @reason) " +
                "ON CONFLICT (id) DO UPDATE SET last_at = excluded.last_at, addresses = excluded.addresses, sample = excluded.sample, " +
                "closed_at = excluded.closed_at, close_reason = excluded.close_reason",
                new
                {
                    id = i.Id,
                    domain = i.Domain,
                    signature = i.Signature,
                    first = UnixMs.From(i.FirstAt),
                    last = UnixMs.From(i.LastAt),
                    n = i.Addresses,
                    sample = StorableText.Of(i.Sample),
                    closed = UnixMs.From(i.ClosedAt),
                    reason = i.CloseReason?.ToWire(),
                }, tx);
        }

        return step;
    }
}
