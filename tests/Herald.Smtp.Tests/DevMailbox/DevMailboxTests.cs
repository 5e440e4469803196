using System.Text;
using Herald.Smtp.DevMailbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Herald.Smtp.Tests.DevMailbox;

public sealed class DevMailboxTests
{
    [Fact]
    public async Task Three_sent_messages_are_listed_newest_first_and_found_by_id()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        using var mailbox = new DevMailboxServer(Options.Create(new DevMailboxOptions()), time);
        await mailbox.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await SendAsync(mailbox.Port, ["one", "two", "three"]);

            var list = mailbox.List();
            list.Select(m => m.Subject).ShouldBe(["three", "two", "one"]);
            var first = mailbox.Get(list[2].Id).ShouldNotBeNull();
            first.MailFrom.ShouldBe("bounce@herald.test");
            first.RcptTo.ShouldBe(["user@example.test"]);
            first.ReceivedAt.ShouldBe(time.GetUtcNow());
            Encoding.UTF8.GetString(first.Raw).ShouldContain("Subject: one");
            Encoding.UTF8.GetString(first.Raw).ShouldContain("Body of one");
            list.Select(m => m.Id).Distinct().Count().ShouldBe(3);
            mailbox.Get("missing").ShouldBeNull();

            mailbox.Clear();
            mailbox.List().ShouldBeEmpty();
        }
        finally
        {
            await mailbox.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Only_the_newest_messages_up_to_the_capacity_are_kept()
    {
        using var mailbox = new DevMailboxServer(Options.Create(new DevMailboxOptions { Capacity = 2 }), TimeProvider.System);
        await mailbox.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await SendAsync(mailbox.Port, ["one", "two", "three"]);

            mailbox.List().Select(m => m.Subject).ShouldBe(["three", "two"]);
        }
        finally
        {
            await mailbox.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task WaitForAsync_returns_a_kept_message_at_once_and_a_later_one_when_it_arrives()
    {
        using var mailbox = new DevMailboxServer(Options.Create(new DevMailboxOptions()), TimeProvider.System);
        await mailbox.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(10));
            await SendAsync(mailbox.Port, ["one"]);
            var later = mailbox.WaitForAsync(m => m.Subject == "two", limit.Token);
            later.IsCompleted.ShouldBeFalse();

            (await mailbox.WaitForAsync(m => m.Subject == "one", limit.Token)).Subject.ShouldBe("one");
            await SendAsync(mailbox.Port, ["two"]);
            (await later).Subject.ShouldBe("two");

            using var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            await Should.ThrowAsync<OperationCanceledException>(() => mailbox.WaitForAsync(m => m.Subject == "never", shortWait.Token));
        }
        finally
        {
            await mailbox.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Stopped_mailbox_refuses_connections()
    {
        using var mailbox = new DevMailboxServer(Options.Create(new DevMailboxOptions()), TimeProvider.System);
        await mailbox.StartAsync(TestContext.Current.CancellationToken);
        await mailbox.StopAsync(TestContext.Current.CancellationToken);

        await Should.ThrowAsync<System.Net.Sockets.SocketException>(() => SendAsync(mailbox.Port, ["late"]));
    }

    private static async Task SendAsync(int port, string[] subjects)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, TestContext.Current.CancellationToken);
        foreach (var subject in subjects)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("noreply@herald.test"));
            message.To.Add(MailboxAddress.Parse("user@example.test"));
            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = $"Body of {subject}" };
            await client.SendAsync(message, MailboxAddress.Parse("bounce@herald.test"), [MailboxAddress.Parse("user@example.test")], TestContext.Current.CancellationToken);
        }

        await client.DisconnectAsync(true, TestContext.Current.CancellationToken);
    }
}
