using Herald.Core.Recipients;
using Microsoft.Data.Sqlite;
using static Herald.Storage.Sqlite.RecipientRows;

namespace Herald.Storage.Sqlite;

/// <summary>Recipient changes, each run by the group-commit writer inside its transaction (so check-then-write is atomic).</summary>
internal static class RecipientWrites
{
    public static RecipientChange Create(SqliteConnection c, string id, IReadOnlyList<string> addresses, DateTimeOffset now)
    {
        if (Scalar(c, "SELECT 1 FROM recipients WHERE id = $id", ("$id", id)) is not null)
        {
            return new RecipientChange.Conflict($"a recipient with the id '{id}' already exists");
        }

        var distinct = addresses.DistinctBy(a => a.ToLowerInvariant()).ToArray();
        foreach (var address in distinct)
        {
            if (OwnerOf(c, address) is not null)
            {
                return new RecipientChange.Conflict($"{address} already belongs to another recipient");
            }
        }

        Execute(c, "INSERT INTO recipients (id, created_at) VALUES ($id, $now)", ("$id", id), ("$now", UnixMs.From(now)));
        for (var i = 0; i < distinct.Length; i++)
        {
            Insert(c, id, distinct[i], primary: i == 0, now);
        }

        return Done(c, id);
    }

    public static RecipientChange AddAddress(SqliteConnection c, string id, string address, bool primary, DateTimeOffset now)
    {
        var recipient = Load(c, id);
        if (recipient is null)
        {
            return new RecipientChange.NoRecipient();
        }

        var owner = OwnerOf(c, address);
        if (owner is not null && owner != id)
        {
            return new RecipientChange.Conflict($"{address} already belongs to another recipient");
        }

        if (owner is null)
        {
            Insert(c, id, address, primary: false, now);
        }

        if (primary || recipient.Primary is null)
        {
            SetPrimary(c, id, address);
        }

        return Done(c, id);
    }

    public static RecipientChange RemoveAddress(SqliteConnection c, string id, string address)
    {
        var recipient = Load(c, id);
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

        var lower = address.ToLowerInvariant();
        Execute(c, "DELETE FROM recipient_addresses WHERE address_lower = $a", ("$a", lower));
        Execute(c, "DELETE FROM verification_tokens WHERE address_lower = $a", ("$a", lower));
        return Done(c, id);
    }

    public static RecipientChange MakePrimary(SqliteConnection c, string id, string address)
    {
        var recipient = Load(c, id);
        if (recipient is null)
        {
            return new RecipientChange.NoRecipient();
        }

        if (recipient.Find(address) is null)
        {
            return new RecipientChange.NoAddress();
        }

        SetPrimary(c, id, address);
        return Done(c, id);
    }

    public static RecipientChange MarkVerified(SqliteConnection c, string id, string address, string by, DateTimeOffset now)
    {
        var recipient = Load(c, id);
        if (recipient is null)
        {
            return new RecipientChange.NoRecipient();
        }

        if (recipient.Find(address) is null)
        {
            return new RecipientChange.NoAddress();
        }

        Verify(c, address.ToLowerInvariant(), by, now);
        return Done(c, id);
    }

    public static bool SetPreference(SqliteConnection c, string id, Preference p)
    {
        if (Scalar(c, "SELECT 1 FROM recipients WHERE id = $id", ("$id", id)) is null)
        {
            return false;
        }

        Execute(c,
            "INSERT INTO recipient_preferences (recipient_id, category, enabled, changed_at, source) VALUES ($id, $cat, $on, $at, $src) " +
            "ON CONFLICT (recipient_id, category) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at, source = excluded.source",
            ("$id", id), ("$cat", p.Category), ("$on", p.Enabled ? 1 : 0), ("$at", UnixMs.From(p.ChangedAt)), ("$src", p.Source));
        return true;
    }

    /// <summary>Marks the address verified (keeping the first verification date) and spends its pending token.</summary>
    public static void Verify(SqliteConnection c, string addressLower, string by, DateTimeOffset now)
    {
        var at = UnixMs.From(now);
        Execute(c,
            "UPDATE recipient_addresses SET verified_at = COALESCE(verified_at, $at), verified_by = COALESCE(verified_by, $by) WHERE address_lower = $a",
            ("$a", addressLower), ("$at", at), ("$by", by));
        Execute(c, "UPDATE verification_tokens SET used_at = $at WHERE address_lower = $a AND used_at IS NULL", ("$a", addressLower), ("$at", at));
    }

    private static void Insert(SqliteConnection c, string id, string address, bool primary, DateTimeOffset now) =>
        Execute(c,
            "INSERT INTO recipient_addresses (address_lower, recipient_id, address, is_primary, added_at) VALUES ($lower, $id, $address, $primary, $now)",
            ("$lower", address.ToLowerInvariant()), ("$id", id), ("$address", address), ("$primary", primary ? 1 : 0), ("$now", UnixMs.From(now)));

    private static void SetPrimary(SqliteConnection c, string id, string address) =>
        Execute(c, "UPDATE recipient_addresses SET is_primary = (address_lower = $a) WHERE recipient_id = $id",
            ("$a", address.ToLowerInvariant()), ("$id", id));

    private static RecipientChange.Done Done(SqliteConnection c, string id) => new(Load(c, id)!);
}
