using System.Net;

namespace Herald.Smtp.Tests.Inbound;

/// <summary>
/// Connection limits per client address, against the real listener on 127.0.0.1 with clients connecting from other
/// addresses of 127.0.0.0/8 (every one of them is this machine). The finding: 50 slow connections from one host took
/// every slot and locked every other peer out for the whole session timeout (10 minutes).
/// </summary>
public sealed class BounceListenerClientLimitTests
{
    private static readonly IPAddress OneHost = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress OtherHost = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Fifty_idle_connections_from_one_host_leave_room_for_another_host_with_the_default_limits()
    {
        await using var harness = await ListenerHarness.StartAsync();
        var hogs = new List<RawSmtpClient>();
        try
        {
            var greetings = new List<string?>();
            for (var i = 0; i < 50; i++)
            {
                var hog = await RawSmtpClient.ConnectAsync(harness.EndPoint, OneHost);
                hogs.Add(hog);
                greetings.Add(await hog.ReadReplyAsync());
            }

            greetings.Count(g => g!.StartsWith("220", StringComparison.Ordinal)).ShouldBe(10, "MaxConnectionsPerClient is 10 by default");
            greetings.Where(g => !g!.StartsWith("220", StringComparison.Ordinal))
                .ShouldAllBe(g => g!.StartsWith("421 4.7.0 Too many connections from your address", StringComparison.Ordinal));

            await using var peer = await RawSmtpClient.ConnectAsync(harness.EndPoint, OtherHost);
            (await peer.ReadReplyAsync()).ShouldStartWith("220");
            (await peer.CommandAsync("EHLO mx.peer.example")).ShouldStartWith("250");
        }
        finally
        {
            foreach (var hog in hogs)
            {
                await hog.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Beyond_the_per_client_limit_that_address_gets_421_until_one_of_its_sessions_ends()
    {
        await using var harness = await ListenerHarness.StartAsync(o => o with { MaxConnectionsPerClient = 2 });
        await using var first = await RawSmtpClient.ConnectAsync(harness.EndPoint, OneHost);
        await using var second = await RawSmtpClient.ConnectAsync(harness.EndPoint, OneHost);
        (await first.ReadReplyAsync()).ShouldStartWith("220");
        (await second.ReadReplyAsync()).ShouldStartWith("220");

        await using (var third = await RawSmtpClient.ConnectAsync(harness.EndPoint, OneHost))
        {
            (await third.ReadReplyAsync()).ShouldStartWith("421 4.7.0 Too many connections from your address");
            (await third.ReadReplyAsync()).ShouldBeNull();
        }

        await using var other = await RawSmtpClient.ConnectAsync(harness.EndPoint, OtherHost);
        (await other.ReadReplyAsync()).ShouldStartWith("220");

        (await first.CommandAsync("QUIT")).ShouldStartWith("221");
        for (var i = 0; i < 200 && harness.Listener.ActiveConnections > 2; i++)
        {
            await Task.Delay(25);
        }

        await using var again = await RawSmtpClient.ConnectAsync(harness.EndPoint, OneHost);
        (await again.ReadReplyAsync()).ShouldStartWith("220");
    }
}
