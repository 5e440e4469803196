using Dapper;
using Herald.Core.Recipients;
using Npgsql;

namespace Herald.Storage.Postgres.Recipients;

/// <summary>Reading recipients back, inside a write's transaction or on their own.</summary>
internal static class RecipientRows
{
    public static Task<string?> OwnerOfAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string address) =>
        c.QuerySingleOrDefaultAsync<string?>("SELECT recipient_id FROM recipient_addresses WHERE address_lower = @a", new { a = address.ToLowerInvariant() }, tx);

    /// <summary>The recipient <paramref name="id"/> with its addresses (none when it has none left), in one statement.</summary>
    public static Task<Recipient?> LoadAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string id) =>
        ReadAsync(c, tx, "FROM recipients r LEFT JOIN recipient_addresses a ON a.recipient_id = r.id WHERE r.id = @id", new { id });

    /// <summary>
    /// The recipient that owns <paramref name="address"/>, with its addresses, in one statement: every delivery attempt
    /// reads it (the preference gate, the footer's settings link), and owner, recipient and addresses one after the
    /// other were three round trips for each message to a known recipient.
    /// </summary>
    public static Task<Recipient?> ByAddressAsync(NpgsqlConnection c, string address) =>
        ReadAsync(c, null, "FROM recipient_addresses o JOIN recipients r ON r.id = o.recipient_id " +
            "LEFT JOIN recipient_addresses a ON a.recipient_id = r.id WHERE o.address_lower = @a", new { a = address.ToLowerInvariant() });

    /// <summary>One recipient (r) and its addresses (a, left-joined), primary first, then in the order they were added.</summary>
    private static async Task<Recipient?> ReadAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string from, object parameters)
    {
        var rows = (await c.QueryAsync<(string Id, long Created, string? Address, int? Primary, long? Added, long? VerifiedAt, string? VerifiedBy)>(
            "SELECT r.id, r.created_at, a.address, a.is_primary, a.added_at, a.verified_at, a.verified_by " + from +
            " ORDER BY a.is_primary DESC, a.added_at, a.address_lower COLLATE \"C\"", parameters, tx)).ToList();
        return rows.Count == 0
            ? null
            : new Recipient(rows[0].Id, UnixMs.To(rows[0].Created), rows.Where(r => r.Address is not null)
                .Select(r => new ContactAddress(r.Address!, r.Primary != 0, UnixMs.To(r.Added!.Value), UnixMs.To(r.VerifiedAt), r.VerifiedBy)).ToList());
    }

    public static async Task<IReadOnlyList<Preference>> PreferencesAsync(NpgsqlConnection c, string id) =>
        (await c.QueryAsync<(string Category, int Enabled, long ChangedAt, string Source)>(
            "SELECT category, enabled, changed_at, source FROM recipient_preferences WHERE recipient_id = @id ORDER BY category COLLATE \"C\"", new { id }))
        .Select(p => new Preference(p.Category, p.Enabled != 0, UnixMs.To(p.ChangedAt), p.Source)).ToList();
}
