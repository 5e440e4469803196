using Dapper;
using Herald.Core.Recipients;
using Npgsql;

namespace Herald.Storage.Postgres.Recipients;

/// <summary>
/// Recipient changes inside one transaction. Each first takes one advisory lock for recipient changes: they check
/// ownership across rows that may not exist yet (an address added by one node while another creates a recipient with
/// it), and they are rare, so one after the other across all nodes is what SQLite's writer does too.
/// </summary>
internal static class RecipientWrites
{
    public static Task LockAsync(NpgsqlConnection c, NpgsqlTransaction tx) =>
        c.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('recipients', 0))", transaction: tx);

    public static async Task<RecipientChange> CreateAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, IReadOnlyList<string> addresses, DateTimeOffset now)
    {
        if (await c.ExecuteScalarAsync<int?>("SELECT 1 FROM recipients WHERE id = @id", new { id }, tx) is not null)
        {
            return new RecipientChange.Conflict($"a recipient with the id '{id}' already exists");
        }

        var distinct = addresses.DistinctBy(a => a.ToLowerInvariant()).ToArray();
        foreach (var address in distinct)
        {
            if (await RecipientRows.OwnerOfAsync(c, tx, address) is not null)
            {
                return new RecipientChange.Conflict($"{address} already belongs to another recipient");
            }
        }

        await c.ExecuteAsync("INSERT INTO recipients (id, created_at) VALUES (@id, @now)", new { id, now = UnixMs.From(now) }, tx);
        for (var i = 0; i < distinct.Length; i++)
        {
            await InsertAsync(c, tx, id, distinct[i], primary: i == 0, now);
        }

        return await DoneAsync(c, tx, id);
    }

    public static async Task<RecipientChange> AddAddressAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address, bool primary, DateTimeOffset now)
    {
        var recipient = await RecipientRows.LoadAsync(c, tx, id);
        if (recipient is null)
        {
            return new RecipientChange.NoRecipient();
        }

        var owner = await RecipientRows.OwnerOfAsync(c, tx, address);
        if (owner is not null && owner != id)
        {
            return new RecipientChange.Conflict($"{address} already belongs to another recipient");
        }

        if (owner is null)
        {
            await InsertAsync(c, tx, id, address, primary: false, now);
        }

        if (primary || recipient.Primary is null)
        {
            await SetPrimaryAsync(c, tx, id, address);
        }

        return await DoneAsync(c, tx, id);
    }

    public static async Task<RecipientChange> RemoveAddressAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address)
    {
        var recipient = await RecipientRows.LoadAsync(c, tx, id);
        if (recipient is null)
        {
            return new RecipientChange.NoRecipient();
        }

        var existing = recipient.Find(address);
        if (existing is null)
        {
            return new RecipientChange.NoAddress();
        }

        if (existing.IsPrimary && recipient.Addresses.Count > 1)
        {
            return new RecipientChange.Conflict($"{existing.Address} is the primary address; make another address primary first");
        }

        var a = address.ToLowerInvariant();
        await c.ExecuteAsync("DELETE FROM recipient_addresses WHERE address_lower = @a; DELETE FROM verification_tokens WHERE address_lower = @a", new { a }, tx);
        return await DoneAsync(c, tx, id);
    }

    public static async Task<RecipientChange> MakePrimaryAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address)
    {
        var recipient = await RecipientRows.LoadAsync(c, tx, id);
        if (recipient is null)
        {
            return new RecipientChange.NoRecipient();
        }

        if (recipient.Find(address) is null)
        {
            return new RecipientChange.NoAddress();
        }

        await SetPrimaryAsync(c, tx, id, address);
        return await DoneAsync(c, tx, id);
    }

    public static async Task<RecipientChange> MarkVerifiedAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address, string by, DateTimeOffset now)
    {
        var recipient = await RecipientRows.LoadAsync(c, tx, id);
        if (recipient is null)
        {
            return new RecipientChange.NoRecipient();
        }

        if (recipient.Find(address) is null)
        {
            return new RecipientChange.NoAddress();
        }

        await VerifyAsync(c, tx, address.ToLowerInvariant(), by, now);
        return await DoneAsync(c, tx, id);
    }

    public static async Task<bool> SetPreferenceAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, Preference p)
    {
        if (await c.ExecuteScalarAsync<int?>("SELECT 1 FROM recipients WHERE id = @id", new { id }, tx) is null)
        {
            return false;
        }

        await c.ExecuteAsync(
            "INSERT INTO recipient_preferences (recipient_id, category, enabled, changed_at, source) VALUES (@id, @cat, @on, @at, @src) " +
            "ON CONFLICT (recipient_id, category) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at, source = excluded.source",
            new { id, cat = p.Category, on = p.Enabled ? 1 : 0, at = UnixMs.From(p.ChangedAt), src = p.Source }, tx);
        return true;
    }

    /// <summary>Marks the address verified (keeping the first verification date) and spends its pending token.</summary>
    public static Task VerifyAsync(NpgsqlConnection c, NpgsqlTransaction tx, string addressLower, string by, DateTimeOffset now) =>
        c.ExecuteAsync(
            "UPDATE recipient_addresses SET verified_at = COALESCE(verified_at, @at), verified_by = COALESCE(verified_by, @by) WHERE address_lower = @a; " +
            "UPDATE verification_tokens SET used_at = @at WHERE address_lower = @a AND used_at IS NULL",
            new { a = addressLower, at = UnixMs.From(now), by }, tx);

    private static Task<int> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address, bool primary, DateTimeOffset now) =>
        c.ExecuteAsync(
            "INSERT INTO recipient_addresses (address_lower, recipient_id, address, is_primary, added_at) VALUES (@lower, @id, @address, @primary, @now)",
            new { lower = address.ToLowerInvariant(), id, address, primary = primary ? 1 : 0, now = UnixMs.From(now) }, tx);

    private static Task<int> SetPrimaryAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id, string address) =>
        c.ExecuteAsync("UPDATE recipient_addresses SET is_primary = CASE WHEN address_lower = @a THEN 1 ELSE 0 END WHERE recipient_id = @id",
            new { a = address.ToLowerInvariant(), id }, tx);

    private static async Task<RecipientChange> DoneAsync(NpgsqlConnection c, NpgsqlTransaction tx, string id) =>
        new RecipientChange.Done((await RecipientRows.LoadAsync(c, tx, id))!);
}
