using System.Data.Common;
using System.Globalization;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Herald.Storage.Postgres.Copy;

/// <summary>
/// Moves a single-node store (SQLite: any ADO.NET connection with the same tables) into an empty PostgreSQL database:
/// every table, every row, every column the two schemas share, messages in flight included (their leases are copied
/// as they are and expire on their own, so another node claims them again: at-least-once, same Message-ID). A table the
/// source keeps inside another (<see cref="Derived"/>: the queue) is filled from the rows of that one. One
/// read transaction on the source (a consistent snapshot) and one transaction on the target (all or nothing), with
/// PostgreSQL's binary COPY. Stop Herald on the source first: what it accepts after the snapshot is not copied.
/// </summary>
public static class StoreCopy
{
    /// <summary>
    /// Target tables whose rows the source keeps in another table's rows, and which of those: SQLite keeps a waiting
    /// message's lease, attempts and next attempt on its messages row, PostgreSQL in a queue row of the same column
    /// names (migration 0007), one for each queued or deferred message. Copied and compared as any other table.
    /// </summary>
    private static readonly Dictionary<string, (string Table, string Where)> Derived = new(StringComparer.Ordinal)
    {
        ["queue"] = ("messages", " WHERE status IN ('queued', 'deferred')"),
    };

    /// <summary>Where the source keeps <paramref name="table"/>'s rows: its own table, or the rows <see cref="Derived"/> names.</summary>
    private static (string Table, string Where) SourceOf(string table) => Derived.GetValueOrDefault(table, (table, ""));

    /// <summary>Copies every table; returns the rows copied per table.</summary>
    /// <exception cref="InvalidOperationException">The target already holds data (the message names the table).</exception>
    public static async Task<IReadOnlyDictionary<string, long>> CopyAsync(DbConnection source, NpgsqlDataSource target, CancellationToken cancellationToken)
    {
        await PostgresMigrator.MigrateAsync(target, cancellationToken);
        await using var c = await target.OpenConnectionAsync(cancellationToken);
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await using var read = await source.BeginTransactionAsync(cancellationToken);
        var copied = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await TablesAsync(c))
        {
            if (await c.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM \"{table}\")", transaction: tx))
            {
                throw new InvalidOperationException($"the target table {table} already holds rows: copy only into an empty database");
            }

            var columns = await SharedColumnsAsync(c, source, read, table);
            if (columns is null)
            {
                continue; // a table the source does not have (added after its version): nothing to move
            }

            copied[table] = await CopyTableAsync(c, source, read, table, columns, cancellationToken);
            // Identity columns copied with their values: the next insert must come after the highest.
            if (await c.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t AND column_name = 'seq')",
                new { t = table }, tx))
            {
                await c.ExecuteAsync(
                    $"SELECT setval(pg_get_serial_sequence(@t, 'seq'), (SELECT COALESCE(MAX(seq), 0) + 1 FROM \"{table}\"), false)", new { t = table }, tx);
            }
        }

        await tx.CommitAsync(cancellationToken);
        return copied;
    }

    /// <summary>
    /// Compares both stores row by row (every shared column of every table, both read in the same order); returns the
    /// differences, at most <paramref name="max"/>, empty when the copy is exact.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CompareAsync(DbConnection source, NpgsqlDataSource target, int max, CancellationToken cancellationToken)
    {
        var differences = new List<string>();
        await using var c = await target.OpenConnectionAsync(cancellationToken);
        foreach (var table in await TablesAsync(c))
        {
            var columns = await SharedColumnsAsync(c, source, null, table);
            if (columns is null)
            {
                continue;
            }

            var names = columns.Select(col => col.Name).ToList();
            var list = string.Join(", ", names.Select(n => $"\"{n}\""));
            await using var a = source.CreateCommand();
            var (from, where) = SourceOf(table);
            a.CommandText = $"SELECT {list} FROM \"{from}\"{where} ORDER BY {string.Join(", ", names.Select(n => $"\"{n}\""))}";
            await using var ra = await a.ExecuteReaderAsync(cancellationToken);
            await using var b = c.CreateCommand();
            // Byte order and NULLs first: how SQLite orders, so both sides list rows in one order.
            b.CommandText = $"SELECT {list} FROM \"{table}\" ORDER BY {string.Join(", ", columns.Select(col => col.Type == "text" ? $"\"{col.Name}\" COLLATE \"C\" NULLS FIRST" : $"\"{col.Name}\" NULLS FIRST"))}";
            await using var rb = await b.ExecuteReaderAsync(cancellationToken);
            for (long row = 0; differences.Count < max; row++)
            {
                var hasA = await ra.ReadAsync(cancellationToken);
                var hasB = await rb.ReadAsync(cancellationToken);
                if (!hasA && !hasB)
                {
                    break;
                }

                if (hasA != hasB)
                {
                    differences.Add($"{table}: {(hasA ? "the target" : "the source")} has fewer rows (row {row.ToString(CultureInfo.InvariantCulture)})");
                    break;
                }

                for (var i = 0; i < names.Count; i++)
                {
                    var va = Text(ra.GetValue(i));
                    var vb = Text(rb.GetValue(i));
                    if (va != vb)
                    {
                        differences.Add($"{table} row {row.ToString(CultureInfo.InvariantCulture)} column {names[i]}: '{va}' in the source, '{vb}' in the target");
                        break;
                    }
                }
            }
        }

        return differences;
    }

    /// <summary>A value as compared: text as PostgreSQL can hold it (<see cref="StorableText"/>), on both sides.</summary>
    private static string? Text(object value) => value is DBNull ? null : StorableText.Of(Convert.ToString(value, CultureInfo.InvariantCulture));

    private static async Task<List<string>> TablesAsync(NpgsqlConnection c) =>
        (await c.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' " +
            "AND table_name <> 'schema_version' ORDER BY table_name COLLATE \"C\"")).ToList();

    /// <returns>The target's columns the source also has (name and PostgreSQL type), or null when the source lacks the table.</returns>
    private static async Task<List<(string Name, string Type)>?> SharedColumnsAsync(NpgsqlConnection c, DbConnection source, DbTransaction? read, string table)
    {
        var target = (await c.QueryAsync<(string Name, string Type)>(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t ORDER BY ordinal_position",
            new { t = table })).ToList();
        await using var probe = source.CreateCommand();
        probe.Transaction = read;
        probe.CommandText = $"SELECT * FROM \"{SourceOf(table).Table}\" LIMIT 0";
        try
        {
            await using var r = await probe.ExecuteReaderAsync();
            var have = Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToHashSet(StringComparer.Ordinal);
            return target.Where(col => have.Contains(col.Name)).ToList();
        }
        catch (DbException)
        {
            return null;
        }
    }

    private static async Task<long> CopyTableAsync(NpgsqlConnection c, DbConnection source, DbTransaction read, string table, List<(string Name, string Type)> columns, CancellationToken ct)
    {
        var list = string.Join(", ", columns.Select(col => $"\"{col.Name}\""));
        await using var select = source.CreateCommand();
        select.Transaction = read;
        // rowid: insertion order, so identity columns the source lacks (block_hits.seq) follow it.
        var (from, where) = SourceOf(table);
        select.CommandText = $"SELECT {list} FROM \"{from}\"{where} ORDER BY rowid";
        await using var r = await select.ExecuteReaderAsync(ct);
        await using var import = await c.BeginBinaryImportAsync($"COPY \"{table}\" ({list}) FROM STDIN (FORMAT BINARY)", ct);
        long rows = 0;
        while (await r.ReadAsync(ct))
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (r.IsDBNull(i))
                {
                    await import.WriteNullAsync(ct);
                    continue;
                }

                switch (columns[i].Type)
                {
                    case "integer":
                        await import.WriteAsync(Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture), NpgsqlDbType.Integer, ct);
                        break;
                    case "bigint":
                        await import.WriteAsync(Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture), NpgsqlDbType.Bigint, ct);
                        break;
                    default:
                        await import.WriteAsync(StorableText.Of(Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))!, NpgsqlDbType.Text, ct);
                        break;
                }
            }

            rows++;
        }

        await import.CompleteAsync(ct);
        return rows;
    }
}
