using System.Text;
using Herald.Core.Inbound;
using MailKit.Net.Smtp;
using MimeKit;

namespace Herald.Smtp.Tests.Inbound;

public sealed class BounceListenerAcceptanceTests
{
    private static MimeMessage Dsn(string to)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.peer.example"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.Body = new TextPart("plain") { Text = "550 5.1.1 <nobody@peer.example>: Recipient address rejected" };
        return message;
    }

    [Fact]
    public async Task Known_return_path_is_accepted_and_handed_to_the_sink()
    {
        await using var harness = await ListenerHarness.StartAsync();
        using var client = new SmtpClient();
        await client.ConnectAsync(harness.EndPoint.Address.ToString(), harness.EndPoint.Port, MailKit.Security.SecureSocketOptions.None);

        await client.SendAsync(Dsn(ListenerHarness.KnownReturnPath));
        await client.DisconnectAsync(true);

        var mail = harness.Sink.Received.ShouldHaveSingleItem();
        mail.Recipients.ShouldBe([ListenerHarness.KnownReturnPath]);
        mail.MailFrom.ShouldBe("MAILER-DAEMON@mx.peer.example");
        mail.RemoteEndpoint.ShouldStartWith("127.0.0.1:");
        Encoding.ASCII.GetString(mail.Raw.Span).ShouldContain("Subject: Undelivered Mail Returned to Sender");
    }

    [Fact]
    public async Task Null_reverse_path_of_a_DSN_arrives_as_an_empty_MailFrom()
    {
        await using var harness = await ListenerHarness.StartAsync();
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("", ListenerHarness.KnownReturnPath);
        (await raw.CommandAsync("Subject: bounce\r\n\r\nbody\r\n..leading dot\r\n.")).ShouldStartWith("250 2.0.0");

        var mail = harness.Sink.Received.ShouldHaveSingleItem();
        mail.MailFrom.ShouldBe("");
        Encoding.ASCII.GetString(mail.Raw.Span).ShouldBe("Subject: bounce\r\n\r\nbody\r\n.leading dot");
    }

    [Fact]
    public async Task Unknown_recipient_is_refused_with_550_5_7_1_and_never_relayed()
    {
        await using var harness = await ListenerHarness.StartAsync();
        await using var raw = await harness.ConnectAsync();
        await raw.OpenTransactionAsync("spammer@example.net");

        (await raw.CommandAsync("RCPT TO:<victim@gmail.com>")).ShouldStartWith("550 5.7.1");
        (await raw.CommandAsync("RCPT TO:<postmaster@bounces.example.com>")).ShouldStartWith("550 5.7.1");
        (await raw.CommandAsync("DATA")).ShouldStartWith("5");

        harness.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task MailKit_sees_the_unknown_recipient_as_a_permanent_550()
    {
        await using var harness = await ListenerHarness.StartAsync();
        using var client = new SmtpClient();
        await client.ConnectAsync(harness.EndPoint.Address.ToString(), harness.EndPoint.Port, MailKit.Security.SecureSocketOptions.None);

        var error = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(Dsn("someone@elsewhere.example")));

        ((int)error.StatusCode).ShouldBe(550);
        harness.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sink_failure_is_answered_451_so_the_peer_retries()
    {
        await using var harness = await ListenerHarness.StartAsync();
        harness.Sink.Behaviour = _ => throw new InvalidOperationException("database is down");
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("", ListenerHarness.KnownReturnPath);
        (await raw.CommandAsync("Subject: x\r\n\r\nbody\r\n.")).ShouldStartWith("451 4.3.0");
        (await raw.CommandAsync("QUIT")).ShouldStartWith("221");
    }

    [Fact]
    public async Task Sink_deferral_and_rejection_map_to_451_and_554()
    {
        await using var harness = await ListenerHarness.StartAsync();
        var results = new Queue<InboundResult>([InboundResult.Defer("busy"), InboundResult.Reject("not a bounce")]);
        harness.Sink.Behaviour = _ => ValueTask.FromResult(results.Dequeue());
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("", ListenerHarness.KnownReturnPath);
        (await raw.CommandAsync("Subject: x\r\n\r\nbody\r\n.")).ShouldStartWith("451 4.3.0 busy");
        (await raw.CommandAsync("MAIL FROM:<>")).ShouldStartWith("250");
        (await raw.CommandAsync($"RCPT TO:<{ListenerHarness.KnownReturnPath}>")).ShouldStartWith("250");
        (await raw.CommandAsync("DATA")).ShouldStartWith("354");
        (await raw.CommandAsync("Subject: x\r\n\r\nbody\r\n.")).ShouldStartWith("554 5.6.0 not a bounce");
    }

    [Fact]
    public async Task The_250_is_sent_only_after_the_sink_returned()
    {
        await using var harness = await ListenerHarness.StartAsync();
        var release = new TaskCompletionSource<InboundResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Sink.Behaviour = _ => new ValueTask<InboundResult>(release.Task);
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("", ListenerHarness.KnownReturnPath);

        await raw.SendAsync("Subject: x\r\n\r\nbody\r\n.\r\n");
        var reply = raw.ReadReplyAsync();
        await Task.Delay(300);
        reply.IsCompleted.ShouldBeFalse();

        release.SetResult(InboundResult.Accepted);
        (await reply).ShouldStartWith("250");
    }

    [Fact]
    public async Task Ehlo_advertises_the_size_limit()
    {
        await using var harness = await ListenerHarness.StartAsync(o => o with { MaxMessageSize = 123456 });
        await using var raw = await harness.ConnectAsync();
        (await raw.ReadReplyAsync()).ShouldStartWith("220 mx.test");

        var ehlo = await raw.CommandAsync("EHLO client.example.net");

        ehlo.Split('\n').ShouldContain(l => l.EndsWith("SIZE 123456"), ehlo);
        ehlo.ShouldNotContain("STARTTLS");
    }

    [Fact]
    public async Task Start_fails_when_the_port_is_taken()
    {
        await using var first = await ListenerHarness.StartAsync();

        await Should.ThrowAsync<System.Net.Sockets.SocketException>(
            () => ListenerHarness.StartAsync(o => o with { Endpoint = first.EndPoint }));
    }

    [Fact]
    public async Task Stop_closes_the_port()
    {
        var harness = await ListenerHarness.StartAsync();
        var endpoint = harness.EndPoint;

        await harness.DisposeAsync();

        await Should.ThrowAsync<System.Net.Sockets.SocketException>(() => RawSmtpClient.ConnectAsync(endpoint));
    }
}
