using Dapper;
using Herald.Core.Catalogue;
using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Storage.Postgres.Feedback;
using Npgsql;

namespace Herald.Storage.Postgres;

/// <summary>
/// Enqueue with idempotency and the per-address rate limit, inside the caller's transaction. SQLite gets its atomicity
/// from its one writer; here several nodes insert at once, so the transaction first takes transaction-scoped advisory
/// locks on the idempotency key and on the (address, type) pair: a second request with the same key, or for the same
/// address and type, waits for the first to commit and then sees its row, exactly as behind SQLite's writer. The
/// message id and the Return-Path stay unique by constraint.
/// </summary>
internal static class EnqueueWrites
{
    /// <summary>A message's row: its columns, then its values from the sixteen parameters of <see cref="AddRow"/>.</summary>
    private const string RowColumns =
        "INSERT INTO messages (id, type, category, priority, to_address, to_address_lower, data_json, secret_fields, " +
        "idempotency_key, request_hash, created_at, expires_at, message_id_header, return_path, route, status, attempts, " +
        "next_attempt_at, updated_at, version) ";

    private const string RowValues = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0, $11, $11, 1";

    /// <summary>The row, and its queue row when it is queued (not throttled), in one statement.</summary>
    private static readonly string Insert = QueueRows.Enqueue(RowColumns + "VALUES (" + RowValues + ")");

    /// <summary>
    /// The row and its queue row, stored queued only while the address has fewer than its limit of messages of this type
    /// in the window (<see cref="RateCounts.UnderLimitSql"/>); $17 the window's start, $18 the limit.
    /// </summary>
    private static readonly string InsertUnderLimit = QueueRows.Enqueue(
        RowColumns + "SELECT " + RowValues + " WHERE " + RateCounts.UnderLimitSql("$6", "$2", "$17", "$18"));

    /// <summary>The sixteen parameters of a message's row (<see cref="RowValues"/>), with the data and status it is stored with.</summary>
    private static void AddRow(NpgsqlParameterCollection parameters, NewMessage m, string? dataJson, string status) =>
        Positional.Add(parameters,
            m.Id, m.Type, m.Category, (int)m.Priority, m.To, m.To.ToLowerInvariant(), Positional.Text(dataJson),
            MessageRows.WriteSecretFields(m.SecretFields), Positional.Text(m.IdempotencyKey), m.RequestHash, UnixMs.From(m.CreatedAt), UnixMs.From(m.ExpiresAt),
            m.MessageIdHeader, m.ReturnPath, m.Route, status);

    /// <summary>
    /// A message with a rate limit and no idempotency key (a sign-in code), stored queued in one round trip when its address
    /// is under the limit: the rate lock, the insert that counts, and its accepted event, as one batch and one implicit
    /// transaction. Each statement of the batch takes its own snapshot, so the count is taken after the lock is held and
    /// sees what the lock's last holder committed (as <see cref="RateCounts.LockAndReadAsync"/>). Null when the address had
    /// its limit: nothing was stored, and the caller stores the message throttled with the time the next is accepted
    /// (<see cref="RunAsync"/>, which counts again). In a transaction of its own it took three round trips in a row
    /// (BEGIN with the lock and the count, the insert, COMMIT), and the intake's read before them made a critical POST four.
    /// </summary>
    public static async Task<EnqueueResult?> TryUnderLimitAsync(NpgsqlConnection c, NewMessage m, DeliveryEvent accepted)
    {
        CheckAccepted(m, accepted);
        var limit = m.RateLimit ?? throw new ArgumentException($"{m.Id} has no rate limit", nameof(m));
        await using var batch = new NpgsqlBatch(c) { BatchCommands = { LockCommand([RateLock(m)]) } };
        var insert = new NpgsqlBatchCommand(InsertUnderLimit);
        AddRow(insert.Parameters, m, m.DataJson, "queued");
        Positional.Add(insert.Parameters, UnixMs.From(m.CreatedAt - limit.Window), (long)limit.Count);
        batch.BatchCommands.Add(insert);
        var events = new NpgsqlBatchCommand(EventRows.InsertSql(1, "WHERE EXISTS (SELECT 1 FROM messages WHERE id = $13)"));
        EventRows.AddParameters(events.Parameters, [accepted]);
        Positional.Add(events.Parameters, m.Id);
        batch.BatchCommands.Add(events);
        await batch.ExecuteNonQueryAsync();
        // The statement's count is the queue rows it inserted: one when the message was stored.
        return insert.RecordsAffected == 1 ? new EnqueueResult.Created(MessageRows.FromNew(m)) : null;
    }

    private static void CheckAccepted(NewMessage m, DeliveryEvent accepted)
    {
        if (accepted.MessageId != m.Id)
        {
            throw new ArgumentException($"accepted event is for {accepted.MessageId}, not {m.Id}", nameof(accepted));
        }
    }

    /// <param name="locked">The caller (a batch) already holds this message's advisory locks.</param>
    public static async Task<EnqueueResult> RunAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, NewMessage m, DeliveryEvent accepted, DateTimeOffset idempotencySince, bool locked = false)
    {
        CheckAccepted(m, accepted);
        if (m.IdempotencyKey is { } key)
        {
            if (!locked)
            {
                await LockAsync(c, tx, [KeyLock(key)]);
            }

            if (await FindByKeyAsync(c, tx, key, idempotencySince) is { } existing)
            {
                return RequestHashes.SameRequest(existing.RequestHash, m.RequestHash)
                    ? new EnqueueResult.Duplicate(existing)
                    : new EnqueueResult.KeyConflict(existing.Id);
            }
        }

        DateTimeOffset? retryAt = null;
        if (m.RateLimit is { } limit)
        {
            var (count, oldest) = (locked ? await RateCounts.ReadAsync(c, tx, [m]) : await RateCounts.LockAndReadAsync(c, tx, [RateLock(m)], [m]))[0];
            retryAt = RateCounts.OverLimitUntil(limit, count, oldest);
        }

        // The row and its events in one round trip.
        await using var batch = new NpgsqlBatch(c, tx);
        var result = AddWrites(batch, m, accepted, retryAt);
        await batch.ExecuteNonQueryAsync();
        return result;
    }

    /// <summary>
    /// Adds the statements that store a message (the row and its events) to
    /// <paramref name="batch"/>, and returns what the enqueue answers once they run: throttled until
    /// <paramref name="retryAt"/> when it is given, created otherwise.
    /// </summary>
    private static EnqueueResult AddWrites(NpgsqlBatch batch, NewMessage m, DeliveryEvent accepted, DateTimeOffset? retryAt)
    {
        var throttled = retryAt is not null;
        IReadOnlyList<DeliveryEvent> events = retryAt is { } until
            ? [accepted, new DeliveryEvent(m.Id, m.CreatedAt, EventType.Throttled, Detail: m.RateLimit!.Refusal(m.Type, until))]
            : [accepted];
        var insert = new NpgsqlBatchCommand(Insert);
        AddRow(insert.Parameters, m, throttled ? SecretData.Purge(m.DataJson, m.SecretFields) : m.DataJson, throttled ? "throttled" : "queued");

        batch.BatchCommands.Add(insert);
        var inserted = new NpgsqlBatchCommand(EventRows.InsertSql(1));
        EventRows.AddParameters(inserted.Parameters, events);
        batch.BatchCommands.Add(inserted);
        return retryAt is { } at
            ? new EnqueueResult.Throttled(MessageRows.FromNew(m) with { Status = MessageStatus.Throttled }, at)
            : new EnqueueResult.Created(MessageRows.FromNew(m));
    }

    /// <summary>
    /// Stores a message to a suspended address final (suppressed, secrets purged) in the same transaction as its insert, so a
    /// delivery worker can never claim it in between.
    /// </summary>
    public static async Task<EnqueueResult> RunSuppressedAsync(NpgsqlConnection c, NpgsqlTransaction tx, NewMessage message, DeliveryEvent accepted,
        DeliveryEvent suppressed, DateTimeOffset idempotencySince, IReadOnlyList<OutboxMessage> outbox, bool locked = false)
    {
        var result = await RunAsync(c, tx, message, accepted, idempotencySince, locked);
        if (result is not EnqueueResult.Created created)
        {
            return result;
        }

        // Final at once: its queue row goes in the same statement (one home: a queue row exists while the message waits).
        await c.ExecuteAsync(
            "WITH waiting AS (DELETE FROM queue WHERE id = @id) UPDATE messages SET status = 'suppressed', data_json = @data, request_hash = @hash, updated_at = @now, version = version + 1 WHERE id = @id",
            new { data = SecretData.Purge(message.DataJson, message.SecretFields), hash = RequestHashes.Purged(message.RequestHash), now = UnixMs.From(suppressed.Time), id = message.Id },
            tx);
        await EventRows.InsertAsync(c, tx, suppressed);
        await LedgerWrites.OutboxAsync(c, tx, outbox);
        return new EnqueueResult.Created(created.Message with { Status = MessageStatus.Suppressed });
    }

    /// <summary>
    /// A batch in the caller's one transaction, each item as a single enqueue would store it. Every advisory lock the batch
    /// needs is taken first, in one (ordinal) order, so two batches naming the same keys or addresses in another order wait
    /// for each other instead of deadlocking; a single enqueue takes its two locks in that same order (key, then rate).
    /// </summary>
    public static async Task<IReadOnlyList<EnqueueResult>> RunBatchAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<EnqueueItem> items,
        DateTimeOffset idempotencySince)
    {
        var names = items.SelectMany(i => LockNames(i.Message)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (items.All(i => i.Suppressed is null && i.Message.IdempotencyKey is null))
        {
            // Only rate locks, one per limited item's address and type: taken with the counts' read (RateCounts).
            return await RunCountedAsync(c, tx, items, names);
        }

        if (names.Count > 0)
        {
            await LockAsync(c, tx, names);
        }

        // Items that read nothing first (no key, no rate limit, not suppressed) are written together (PlainEnqueues), when
        // an item that must read comes (so that it sees every item before it) and at the end: a batch of 500 plain
        // messages is two statements in one round trip (bench/delivery-postgres.sh, batch acceptance).
        var results = new EnqueueResult[items.Count];
        var plain = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Suppressed is null && PlainEnqueues.Applies(item.Message))
            {
                plain.Add(i);
                continue;
            }

            await WritePlainAsync(c, tx, items, plain, results);
            results[i] = item.Suppressed is { } s
                ? await RunSuppressedAsync(c, tx, item.Message, item.Accepted, s.Event, idempotencySince, s.Outbox, locked: true)
                : await RunAsync(c, tx, item.Message, item.Accepted, idempotencySince, locked: true);
        }

        await WritePlainAsync(c, tx, items, plain, results);
        return results;
    }

    /// <summary>
    /// A batch whose answers only rate limits decide (no idempotency key, nothing suppressed at intake), in one read (with
    /// its locks) and one write: every limited item's count is read at once, before any is written; each then also counts the items of
    /// its address and type that this batch stores (not throttled) before it, exactly what it would have read had they
    /// been written first. Until 2026-12-01 each limited item cost three round trips in a row (bench/delivery-postgres.sh,
    /// batch acceptance: 25 sign-in codes per batch of 500).
    /// </summary>
    private static async Task<IReadOnlyList<EnqueueResult>> RunCountedAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<EnqueueItem> items, IReadOnlyList<string> rateLocks)
    {
        var limited = items.Where(i => i.Message.RateLimit is not null).Select(i => i.Message).ToList();
        var counts = limited.Count == 0 ? [] : await RateCounts.LockAndReadAsync(c, tx, rateLocks, limited);
        var storedBefore = new Dictionary<(string Address, string Type), List<long>>(); // created_at in Unix ms, as stored and compared
        var results = new EnqueueResult?[items.Count];
        var queued = new List<int>();
        await using var batch = new NpgsqlBatch(c, tx);
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var m = items[i].Message;
            var key = (m.To.ToLowerInvariant(), m.Type);
            if (m.RateLimit is { } limit)
            {
                var (count, oldest) = counts[next++];
                var since = UnixMs.From(m.CreatedAt - limit.Window);
                foreach (var created in storedBefore.GetValueOrDefault(key) ?? [])
                {
                    if (created > since)
                    {
                        count++;
                        oldest = oldest is { } o && UnixMs.From(o) <= created ? o : UnixMs.To(created);
                    }
                }

                if (RateCounts.OverLimitUntil(limit, count, oldest) is { } retryAt)
                {
                    results[i] = AddWrites(batch, m, items[i].Accepted, retryAt);
                    continue;
                }
            }

            // Stored queued: it counts for the items of its address and type after it, whether it has a limit or not.
            queued.Add(i);
            (storedBefore.TryGetValue(key, out var stored) ? stored : storedBefore[key] = []).Add(UnixMs.From(m.CreatedAt));
        }

        var written = queued.Count == 0 ? [] : PlainEnqueues.AddWrites(batch, queued.Select(i => (items[i].Message, items[i].Accepted)).ToList());
        for (var k = 0; k < queued.Count; k++)
        {
            results[queued[k]] = written[k];
        }

        await batch.ExecuteNonQueryAsync();
        return results.Select(r => r!).ToList();
    }

    /// <summary>Writes the plain items listed in <paramref name="plain"/>, if any, puts their answers in place and empties the list.</summary>
    private static async Task WritePlainAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<EnqueueItem> items, List<int> plain, EnqueueResult[] results)
    {
        if (plain.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(c, tx);
        var written = PlainEnqueues.AddWrites(batch, plain.Select(i => (items[i].Message, items[i].Accepted)).ToList());
        await batch.ExecuteNonQueryAsync();
        for (var k = 0; k < plain.Count; k++)
        {
            results[plain[k]] = written[k];
        }

        plain.Clear();
    }

    private static string KeyLock(string key) => "key:" + key;

    private static string RateLock(NewMessage m) => "rate:" + m.Type + ":" + m.To.ToLowerInvariant();

    private static IEnumerable<string> LockNames(NewMessage m)
    {
        if (m.IdempotencyKey is { } key)
        {
            yield return KeyLock(key);
        }

        if (m.RateLimit is not null)
        {
            yield return RateLock(m);
        }
    }

    /// <summary>Takes the advisory locks named, in their order, in one statement (a function scan over the array yields its order).</summary>
    /// <summary>The statement that takes the transaction-scoped advisory lock of each name, in their order.</summary>
    internal static NpgsqlBatchCommand LockCommand(IReadOnlyList<string> names)
    {
        var command = new NpgsqlBatchCommand("SELECT count(pg_advisory_xact_lock(hashtextextended(name, 0))) FROM unnest($1::text[]) AS t(name)");
        Positional.Add(command.Parameters, (object)names.ToArray()); // one parameter: the array
        return command;
    }

    private static async Task LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<string> names)
    {
        await using var batch = new NpgsqlBatch(c, tx) { BatchCommands = { LockCommand(names) } };
        await batch.ExecuteNonQueryAsync();
    }

    private static async Task<StoredMessage?> FindByKeyAsync(NpgsqlConnection c, NpgsqlTransaction tx, string key, DateTimeOffset since)
    {
        await using var reader = await c.ExecuteReaderAsync(
            "SELECT " + MessageRows.Columns + " FROM " + MessageRows.From + " WHERE m.idempotency_key = @key AND m.created_at >= @since ORDER BY m.created_at DESC LIMIT 1",
            new { key, since = UnixMs.From(since) }, tx);
        return await reader.ReadAsync() ? MessageRows.Read(reader) : null;
    }
}
