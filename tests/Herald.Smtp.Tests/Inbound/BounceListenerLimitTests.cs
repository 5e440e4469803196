using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Smtp.Tests.Inbound;

public sealed class BounceListenerLimitTests
{
    private const int Limit = 256 * 1024;
    private const int Slack = 64 * 1024;

    [Fact]
    public async Task Oversize_message_without_SIZE_is_refused_after_at_most_limit_plus_64KiB_read()
    {
        await using var harness = await ListenerHarness.StartAsync(o => o with { MaxMessageSize = Limit });
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("", ListenerHarness.KnownReturnPath);

        const int attempted = 16 * 1024 * 1024;
        var line = Encoding.ASCII.GetBytes(new string('x', 998) + "\r\n");
        var writer = Task.Run(async () =>
        {
            var written = 0L;
            try
            {
                while (written < attempted)
                {
                    await raw.Stream.WriteAsync(line);
                    written += line.Length;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                // The server closed the connection: what we expect once it stopped reading.
            }

            return written;
        });

        var reply = await raw.ReadReplyAsync(TimeSpan.FromSeconds(30));
        reply.ShouldNotBeNull().ShouldStartWith("552");
        await harness.WaitForIdleAsync();
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        var serverRead = harness.Listener.ClosedSessionBytesRead.ShouldHaveSingleItem();
        var clientWrote = await writer;
        TestContext.Current.TestOutputHelper?.WriteLine($"server read {serverRead} bytes, client wrote {clientWrote} bytes, limit {Limit}");
        serverRead.ShouldBeLessThanOrEqualTo(Limit + Slack);
        serverRead.ShouldBeGreaterThan(Limit); // it did read up to the limit: the check is on data, not a guess
        harness.Sink.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Declared_SIZE_above_the_limit_is_refused_at_MAIL()
    {
        await using var harness = await ListenerHarness.StartAsync(o => o with { MaxMessageSize = Limit });
        await using var raw = await harness.ConnectAsync();
        (await raw.ReadReplyAsync()).ShouldStartWith("220");
        (await raw.CommandAsync("EHLO client.example.net")).ShouldStartWith("250");

        (await raw.CommandAsync($"MAIL FROM:<> SIZE={Limit + 1}")).ShouldStartWith("552");
    }

    [Fact]
    public async Task Recipients_beyond_the_limit_get_452_and_the_message_keeps_the_accepted_ones()
    {
        var known = Enumerable.Range(0, 5).Select(i => $"b-{i}@bounces.example.com").ToArray();
        await using var harness = await ListenerHarness.StartAsync(o => o with { MaxRecipients = 3 }, known: known);
        await using var raw = await harness.ConnectAsync();
        await raw.OpenTransactionAsync("", known[0], known[1], known[2]);

        (await raw.CommandAsync($"RCPT TO:<{known[3]}>")).ShouldStartWith("452 4.5.3");
        (await raw.CommandAsync("DATA")).ShouldStartWith("354");
        (await raw.CommandAsync("Subject: x\r\n\r\nbody\r\n.")).ShouldStartWith("250");

        harness.Sink.Received.ShouldHaveSingleItem().Recipients.ShouldBe(known[..3]);
    }

    [Fact]
    public async Task Recipient_count_starts_again_with_each_MAIL()
    {
        await using var harness = await ListenerHarness.StartAsync(o => o with { MaxRecipients = 1 });
        await using var raw = await harness.ConnectAsync();
        await raw.OpenTransactionAsync("", ListenerHarness.KnownReturnPath);
        (await raw.CommandAsync("RSET")).ShouldStartWith("250");

        (await raw.CommandAsync("MAIL FROM:<>")).ShouldStartWith("250");
        (await raw.CommandAsync($"RCPT TO:<{ListenerHarness.OtherReturnPath}>")).ShouldStartWith("250");
    }

    [Theory]
    [InlineData(998, "250")]
    [InlineData(999, "550 5.6.0")]
    [InlineData(5000, "550 5.6.0")]
    public async Task Lines_longer_than_1000_octets_with_CRLF_are_refused(int lineLength, string expected)
    {
        await using var harness = await ListenerHarness.StartAsync();
        await using var raw = await harness.ConnectAsync();
        await raw.OpenDataAsync("", ListenerHarness.KnownReturnPath);

        var reply = await raw.CommandAsync($"Subject: x\r\n\r\n{new string('y', lineLength)}\r\nend\r\n.");

        reply.ShouldStartWith(expected);
        harness.Sink.Received.Count.ShouldBe(expected == "250" ? 1 : 0);
    }

    [Fact]
    public async Task Connections_beyond_the_limit_get_421_until_a_slot_frees()
    {
        await using var harness = await ListenerHarness.StartAsync(o => o with { MaxConnections = 2 });
        await using var first = await harness.ConnectAsync();
        await using var second = await harness.ConnectAsync();
        (await first.ReadReplyAsync()).ShouldStartWith("220");
        (await second.ReadReplyAsync()).ShouldStartWith("220");

        await using (var third = await harness.ConnectAsync())
        {
            (await third.ReadReplyAsync()).ShouldStartWith("421 4.7.0");
            (await third.ReadReplyAsync()).ShouldBeNull();
        }

        (await first.CommandAsync("QUIT")).ShouldStartWith("221");
        for (var i = 0; i < 200 && harness.Listener.ActiveConnections > 1; i++)
        {
            await Task.Delay(25);
        }

        await using var fourth = await harness.ConnectAsync();
        (await fourth.ReadReplyAsync()).ShouldStartWith("220");
    }

    [Fact]
    public async Task A_session_past_its_deadline_is_disconnected()
    {
        var time = new FakeTimeProvider();
        await using var harness = await ListenerHarness.StartAsync(o => o with { SessionTimeout = TimeSpan.FromMinutes(2) }, time);
        await using var raw = await harness.ConnectAsync();
        (await raw.ReadReplyAsync()).ShouldStartWith("220");
        (await raw.CommandAsync("NOOP")).ShouldStartWith("250");

        time.Advance(TimeSpan.FromMinutes(3));

        (await raw.ReadReplyAsync(TimeSpan.FromSeconds(10))).ShouldBeNull();
        await harness.WaitForIdleAsync();
    }
}
