using System.Diagnostics;
using Herald.Core.Delivery;
using Herald.Smtp.DevMailbox;
using Herald.Smtp.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Herald.Smtp.Tests.DevMailbox;

public sealed class DevMailboxThroughputTests
{
    [Fact]
    public async Task Hundreds_of_messages_through_the_transport_land_in_the_mailbox_quickly()
    {
        using var mailbox = new DevMailboxServer(Options.Create(new DevMailboxOptions()), TimeProvider.System);
        await mailbox.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var transport = TestMail.Relay(mailbox.Port, maxConnections: 2);
            var clock = Stopwatch.StartNew();

            var results = await Task.WhenAll(Enumerable.Range(0, 300)
                .Select(_ => transport.SendAsync(TestMail.Email(), TestContext.Current.CancellationToken)));

            results.ShouldAllBe(r => r is SmtpSendResult.Accepted);
            mailbox.List().Count.ShouldBe(300);
            // About 0.1 s here; with Nagle on the server side it took 7.5 s (40 ms delayed ACK per pipelined message).
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
            TestContext.Current.TestOutputHelper?.WriteLine($"300 messages in {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            await mailbox.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
