using System.Text;

namespace Herald.Smtp.Tests.Inbound;

/// <summary>
/// SMTP smuggling (SEC Consult, December 2023; CVE-2023-51766 for Exim): an end-of-data that some MTAs accept
/// (<c>\n.\n</c>, <c>\r.\n</c>, <c>\n.\r\n</c>, ...) followed by a second transaction. Whatever the variant, the
/// listener must see one message at most, and never act on the smuggled MAIL/RCPT/DATA.
/// </summary>
public sealed class SmugglingTests
{
    [Theory]
    [InlineData("\n.\n")]
    [InlineData("\r.\n")]
    [InlineData("\n.\r\n")]
    [InlineData("\r\n.\n")]
    [InlineData("\n.\r")]
    [InlineData("\r.\r\n")]
    [InlineData("\r\n.\r")]
    public async Task Smuggled_second_message_is_never_accepted(string fakeEnd)
    {
        await using var harness = await ListenerHarness.StartAsync();
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("attacker@peer.example", ListenerHarness.KnownReturnPath);

        var payload =
            "Subject: first\r\n\r\nhello" + fakeEnd +
            "MAIL FROM:<ceo@bank.example>\r\n" +
            $"RCPT TO:<{ListenerHarness.OtherReturnPath}>\r\n" +
            "DATA\r\n" +
            "Subject: smuggled\r\n\r\nsmuggled body\r\n" +
            ".\r\n" +
            "QUIT\r\n";
        await raw.SendAsync(payload);

        var replies = new List<string>();
        while (await raw.ReadReplyAsync(TimeSpan.FromSeconds(10)) is { } reply)
        {
            replies.Add(reply);
        }

        // Exactly one answer to the one real end of data, a refusal, then QUIT's 221: no 250/354 for smuggled commands.
        replies.Count.ShouldBe(2, string.Join(" | ", replies));
        replies[0].ShouldStartWith("550 5.6.0");
        replies[1].ShouldStartWith("221");
        harness.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pipelined_second_message_after_a_real_CRLF_dot_CRLF_is_two_honest_messages()
    {
        await using var harness = await ListenerHarness.StartAsync();
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("", ListenerHarness.KnownReturnPath);

        (await raw.CommandAsync("Subject: one\r\n\r\nfirst\r\n.")).ShouldStartWith("250");
        (await raw.CommandAsync("MAIL FROM:<>")).ShouldStartWith("250");
        (await raw.CommandAsync($"RCPT TO:<{ListenerHarness.OtherReturnPath}>")).ShouldStartWith("250");
        (await raw.CommandAsync("DATA")).ShouldStartWith("354");
        (await raw.CommandAsync("Subject: two\r\n\r\nsecond\r\n.")).ShouldStartWith("250");

        harness.Sink.Received.Select(m => Encoding.ASCII.GetString(m.Raw.Span)).ShouldBe(
            ["Subject: one\r\n\r\nfirst", "Subject: two\r\n\r\nsecond"]);
    }
}
