using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Herald.Cli.Tests.Durability;

/// <summary>
/// Issue 13's durability promise past one machine: two real <c>herald serve</c> processes on one PostgreSQL database,
/// 20,000 messages sent to both while one of them is killed with SIGKILL ten times (the other keeps accepting and
/// delivering). Every acknowledged message is delivered; a duplicate (the at-least-once window between the end of DATA
/// and the stored outcome, or a lease that expired with its dead node) carries the same Message-ID; nothing stays leased.
/// </summary>
public sealed class TwoNodeKillNineTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 20_000;
    private const int Kills = 10;
    private readonly string _data = Directory.CreateTempSubdirectory("herald-2node-kill9-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task No_acknowledged_message_is_lost_when_one_of_two_nodes_is_killed_ten_times()
    {
        await using var postgres = await PostgresForNodes.StartAsync();
        await using var sink = new ScriptedSmtpServer();
        // Each node has its own data folder (keys for tokens live there) and shares the store; a short lease so that a
        // killed node's claims come back to the living one within the test.
        string[] settings = [.. postgres.NodeSettings, "--Herald:Delivery:LeaseDuration=00:00:10"];
        using var a = new HeraldProcess(Directory.CreateDirectory(Path.Combine(_data, "a")).FullName, sink.Port, settings);
        using var b = new HeraldProcess(Directory.CreateDirectory(Path.Combine(_data, "b")).FullName, sink.Port, settings);
        using var http = await postgres.SendingClientAsync(Path.Combine(_data, "a"));
        await a.StartAsync(http);
        await b.StartAsync(http);

        var acknowledged = new ConcurrentDictionary<string, string>(); // idempotency key -> message id
        var sending = Task.Run(() => CarefulClient.SendAllAsync(http, [a.Url, b.Url], Messages, acknowledged));
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(800 + Random.Shared.Next(1200)));
            var victim = kill % 2 == 0 ? a : b;
            victim.KillNine();
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(500)));
            await victim.StartAsync(http);
        }

        await sending;
        acknowledged.Count.ShouldBe(Messages);
        await WaitUntilAllFinalAsync(postgres, TimeSpan.FromMinutes(5));

        // Only complete transactions count: a DATA cut off by the kill never got its 250 and is retried.
        var received = sink.Data.Where(d => d.AsSpan().EndsWith("\r\n.\r\n"u8)).Select(d => MimeMessage.Load(new MemoryStream(d)).MessageId ?? "(none)").ToList();
        var byMessageId = received.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var lost = acknowledged.Values.Where(id => !byMessageId.ContainsKey($"{id}@herald.localhost")).ToList();
        output.WriteLine($"kills: {Kills}, acknowledged: {acknowledged.Count}, received: {received.Count}, distinct: {byMessageId.Count}, " +
            $"duplicates: {byMessageId.Values.Sum(n => n - 1)}, most copies of one: {byMessageId.Values.Max()}, lost: {lost.Count}");

        lost.ShouldBeEmpty();
        var ids = acknowledged.Values.ToHashSet(StringComparer.Ordinal);
        byMessageId.Keys.ShouldAllBe(mid => ids.Contains(mid.Replace("@herald.localhost", "", StringComparison.Ordinal)));
        (await postgres.ScalarAsync("SELECT count(*) FROM queue WHERE lease_token IS NOT NULL")).ShouldBe(0);
        (await postgres.ScalarAsync("SELECT count(*) FROM messages WHERE status <> 'delivered'")).ShouldBe(0);
        (await postgres.ScalarAsync("SELECT count(*) FROM messages")).ShouldBe(Messages);
    }

    private static async Task WaitUntilAllFinalAsync(PostgresForNodes postgres, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await postgres.ScalarAsync("SELECT count(*) FROM queue") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("messages still pending after the last restart");
            }

            await Task.Delay(200);
        }
    }
}
