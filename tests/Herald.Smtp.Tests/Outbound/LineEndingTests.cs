using System.Text;
using Herald.Core.Delivery;
using Herald.Smtp.Tests.Infrastructure;
using MimeKit;

namespace Herald.Smtp.Tests.Outbound;

public sealed class LineEndingTests
{
    [Fact]
    public async Task Raw_DATA_has_only_CRLF_even_when_the_body_had_bare_LF_and_CR()
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = TestMail.Relay(server.Port);
        var message = TestMail.Message("first line\nsecond line\rthird line\r\n.leading dot\nlast");
        message.Headers.Add("X-Note", "folded\nvalue");
        var html = new TextPart("html") { Text = "<p>one</p>\n<p>two</p>\n" };
        message.Body = new Multipart("alternative") { message.Body!, html };

        var result = await transport.SendAsync(TestMail.Email(message), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>();
        var raw = server.Data.ShouldHaveSingleItem();
        BareLineBreaks(raw).ShouldBeEmpty(Encoding.ASCII.GetString(raw).Replace("\r", "<CR>").Replace("\n", "<LF>\n"));
        var text = Encoding.ASCII.GetString(raw);
        text.ShouldContain("first line\r\nsecond line\r\n");
        text.ShouldContain("\r\n..leading dot\r\n"); // RFC 5321 section 4.5.2 dot-stuffing
        text.ShouldEndWith("\r\n.\r\n");
    }

    [Theory]
    [InlineData(4095)] // the CR is the last byte of the first 4 KB read, the next byte is not LF
    [InlineData(4096)]
    [InlineData(9000)] // the CR is the very last byte of the content
    public async Task A_bare_CR_anywhere_in_a_long_body_never_reaches_the_wire(int at)
    {
        await using var server = new ScriptedSmtpServer();
        using var transport = TestMail.Relay(server.Port);
        // Short lines, so that nothing is re-encoded as quoted-printable (which would hide a CR as =0D).
        var body = new StringBuilder();
        for (var i = 0; i < at; i++)
        {
            body.Append(i % 70 == 69 ? '\n' : 'a');
        }

        body.Append('\r');
        if (at < 9000)
        {
            body.Append("next");
        }

        var result = await transport.SendAsync(TestMail.Email(TestMail.Message(body.ToString())), TestContext.Current.CancellationToken);

        result.ShouldBeOfType<SmtpSendResult.Accepted>();
        BareLineBreaks(server.Data.ShouldHaveSingleItem()).ShouldBeEmpty();
    }

    private static List<int> BareLineBreaks(byte[] raw)
    {
        var bare = new List<int>();
        for (var i = 0; i < raw.Length; i++)
        {
            var lfAlone = raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r');
            var crAlone = raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n');
            if (lfAlone || crAlone)
            {
                bare.Add(i);
            }
        }

        return bare;
    }
}
