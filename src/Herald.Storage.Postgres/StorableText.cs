namespace Herald.Storage.Postgres;

/// <summary>
/// Text a remote party wrote (an SMTP reply, a bounce's diagnostic, a reply's host), made storable: PostgreSQL's text
/// cannot hold the character U+0000 ("invalid byte sequence for encoding UTF8: 0x00", SQLSTATE 22021; PostgreSQL
/// documentation, 8.3 Character Types), where SQLite keeps it. Refused, the whole outcome would be: the job would stay
/// leased and be sent again when its lease expired, once per attempt, for as long as the server kept answering with a
/// NUL. So each one is stored as U+FFFD, the replacement character, and the rest of the text as it came.
/// </summary>
internal static class StorableText
{
    /// <remarks>String.Replace returns the same instance when there is no NUL: nothing is copied for ordinary text.</remarks>
    public static string? Of(string? text) => text?.Replace('\0', '\uFFFD');
}
