using System.Text;
using Herald.Core.Catalogue;
using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Tests.Catalogue;
using MimeKit;

namespace Herald.Core.Tests.Delivery;

public sealed class MessageComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static StoredMessage Message() => new(
        "msg_1", "magic-code", "sign-in", Priority.Critical, "ana@example.com", "{}", ["code"], null, "h",
        Now, Now.AddMinutes(10), "msg_1@herald.test", "b-token@bounces.herald.test", "default", MessageStatus.Queued, 1, Now, Now);

    private static string Wire(RenderedContent content)
    {
        var mime = MessageComposer.Compose(Message(), TestCatalogue.Default().Find("magic-code")!, content, Now);
        using var stream = new MemoryStream();
        mime.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return Encoding.ASCII.GetString(stream.ToArray());
    }

    [Fact]
    public void Bare_CR_and_LF_in_content_become_CRLF_on_the_wire()
    {
        var wire = Wire(new RenderedContent("Subject", "one\rtwo\nthree\r\nfour", "<p>a\rb</p>"));
        for (var i = 0; i < wire.Length; i++)
        {
            if (wire[i] == '\r')
            {
                wire[i + 1].ShouldBe('\n', $"bare CR at {i}");
            }
            else if (wire[i] == '\n')
            {
                wire[i - 1].ShouldBe('\r', $"bare LF at {i}");
            }
        }
    }

    [Fact]
    public void The_fixed_message_id_and_automation_headers_are_set()
    {
        var mime = MessageComposer.Compose(Message(), TestCatalogue.Default().Find("magic-code")!, new RenderedContent("S", "T", null), Now);
        mime.MessageId.ShouldBe("msg_1@herald.test");
        mime.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        mime.Headers["Feedback-ID"].ShouldBe("magic-code:sign-in:default:herald");
        mime.Headers["X-Herald-Id"].ShouldBe("msg_1");
        mime.Date.ShouldBe(Now);
    }

    [Fact]
    public void Non_ascii_content_is_encoded_seven_bit_before_signing_per_RFC_6376_5_3()
    {
        var wire = Wire(new RenderedContent("Subject", "Hello Zoë", "<p>Zoë</p>"));
        wire.ShouldMatch("Content-Transfer-Encoding: (quoted-printable|base64)");
        wire.ShouldNotContain("Content-Transfer-Encoding: 8bit");
        wire.All(c => c < 128).ShouldBeTrue();
    }
}
