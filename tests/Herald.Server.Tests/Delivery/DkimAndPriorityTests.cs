using System.Collections.Concurrent;
using Herald.Server.Tests.Support;
using MimeKit;
using MimeKit.Cryptography;

namespace Herald.Server.Tests.Delivery;

public sealed class DkimAndPriorityTests
{
    [Fact]
    public async Task Every_delivered_message_verifies_with_MimeKit_DkimVerifier()
    {
        var key = new DkimTestKey("herald.localhost", "s1");
        await using var smtp = new ScriptedSmtpServer();
        await using var host = await HeraldTestHost.StartAsync(smtp.Port, key.Settings());
        var ids = new List<string>();
        foreach (var (type, data) in new (string, object)[]
        {
            ("magic-code", new { code = "123456", name = "Zoë <b>&</b>" }),
            ("report-approved", new { report = "Trip to Lyon", approver = "Bo", link = "https://app.example.com/r/1" }),
            ("concierge-reply", new { body = "Hello,\nlong line " + new string('x', 2000) }),
        })
        {
            ids.Add((await host.SendAsync(new { type, to = "dkim@example.com", data })).GetProperty("id").GetString()!);
        }

        foreach (var id in ids)
        {
            await host.WaitForStatusAsync(id, "delivered");
        }

        var verifier = new DkimVerifier(key);
        smtp.Data.Count.ShouldBe(3);
        foreach (var raw in smtp.Data)
        {
            var message = MimeMessage.Load(new MemoryStream(WireData.ToMessage(raw)));
            var index = message.Headers.IndexOf(HeaderId.DkimSignature);
            index.ShouldBeGreaterThanOrEqualTo(0, "no DKIM-Signature");
            var signature = message.Headers[index];
            signature.Value.ShouldContain("a=rsa-sha256");
            foreach (var header in new[] { "from", "to", "subject", "date", "message-id", "mime-version", "content-type" })
            {
                signature.Value.ToLowerInvariant().ShouldContain(header);
            }

            (await verifier.VerifyAsync(message, signature)).ShouldBeTrue($"signature of {message.Subject} does not verify:\n{System.Text.Encoding.UTF8.GetString(raw)}");
        }
    }

    [Fact]
    public async Task A_magic_code_sent_while_5000_bulk_messages_are_queued_arrives_first()
    {
        var arrivals = new ConcurrentQueue<string>();
        var bulkDelay = TimeSpan.FromMilliseconds(20);
        // A server that takes 20 ms per bulk message: 5,000 of them keep the general lane busy for several seconds.
        await using var smtp = new ScriptedSmtpServer(command =>
        {
            if (command.Verb == ".")
            {
                return null;
            }

            if (command.Verb == "RCPT")
            {
                var to = command.Line;
                arrivals.Enqueue(to);
                if (to.Contains("bulk", StringComparison.Ordinal))
                {
                    return new ServerAction.Delay(bulkDelay);
                }
            }

            return null;
        });
        await using var host = await HeraldTestHost.StartAsync(smtp.Port);

        var bulk = Enumerable.Range(0, 5000).Select(i => new { type = "report-submitted", to = $"bulk{i}@example.com", data = new { report = $"R{i}", submitter = "Bo" } });
        await Parallel.ForEachAsync(bulk, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (body, _) => await host.SendAsync(body));
        var queuedBefore = await CountAsync(host, "queued");
        queuedBefore.ShouldBeGreaterThan(3000, "the bulk backlog drained too fast for this test to mean anything");

        var code = (await host.SendAsync(new { type = "magic-code", to = "first@example.com", data = new { code = "777777" } })).GetProperty("id").GetString()!;
        await host.WaitForStatusAsync(code, "delivered", TimeSpan.FromSeconds(5));
        var stillQueued = await CountAsync(host, "queued");
        stillQueued.ShouldBeGreaterThan(2000, "the magic code should not have waited for the bulk backlog");
    }

    private static Task<long> CountAsync(HeraldTestHost host, string status) => DbProbe.CountAsync(host.DataDirectory, status);
}
