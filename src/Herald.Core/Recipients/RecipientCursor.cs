using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Herald.Core.Recipients;

/// <summary>
/// The opaque <c>before</c> cursor of recipient listings: the keyset (created_at, id) of the last item shown,
/// base64url-encoded so that callers treat it as a token, not as something to build by hand. One format for every
/// store, so a cursor from one node is understood by another whatever store it runs on.
/// </summary>
public readonly record struct RecipientCursor(long CreatedAtMs, string Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CreatedAtMs.ToString(CultureInfo.InvariantCulture) + ":" + Id));

    /// <exception cref="FormatException">The cursor was not produced by <see cref="Encode"/>.</exception>
    public static RecipientCursor Decode(string cursor)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException e)
        {
            throw new FormatException("invalid listing cursor", e);
        }

        // An id holds no control character (message ids are Herald's own): a NUL in one, which PostgreSQL's text cannot
        // take, would fail the store's read instead of the client's cursor.
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1 || text[(colon + 1)..].Any(char.IsControl)
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var createdAt))
        {
            throw new FormatException("invalid listing cursor");
        }

        return new RecipientCursor(createdAt, text[(colon + 1)..]);
    }
}
