using Herald.Core.Recipients;
using Herald.Storage.Sqlite;

namespace Herald.Storage.Tests;

public sealed class RecipientCursorTests
{
    [Fact]
    public void A_cursor_decodes_to_the_keyset_it_encodes()
    {
        var cursor = new RecipientCursor(1767268800123, "msg_01J:odd:id");

        RecipientCursor.Decode(cursor.Encode()).ShouldBe(cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("MTIz")] // "123": no id
    [InlineData("eDpt")] // "x:m": not a time
    [InlineData("MDoA")] // "0:\0": an id with a control character (PostgreSQL's text refuses a NUL)
    public void A_cursor_not_made_by_the_store_is_a_format_error(string text) =>
        Should.Throw<FormatException>(() => RecipientCursor.Decode(text));
}
