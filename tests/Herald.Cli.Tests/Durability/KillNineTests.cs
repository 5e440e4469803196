using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Cli.Tests.Support;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace Herald.Cli.Tests.Durability;

/// <summary>
/// The durability promise end to end: 5,000 messages sent while the server is killed with SIGKILL at least five
/// times and restarted. Every acknowledged message is delivered, duplicates (the at-least-once window between
/// the end of DATA and the stored outcome) carry the same Message-ID, and nothing is left leased.
/// </summary>
public sealed class KillNineTests : IDisposable
{
    private const int Messages = 5000;
    private const int Kills = 5;
    private readonly string _data = Directory.CreateTempSubdirectory("herald-kill9-").FullName;
    private readonly ITestOutputHelper _output;

    public KillNineTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task No_acknowledged_message_is_lost_across_repeated_kill_9()
    {
        await using var sink = new ScriptedSmtpServer();
        using var herald = new HeraldProcess(_data, sink.Port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        // A relay route is configured, so the application needs a key; made on the store before the first start.
        var (code, key, error) = await HeraldCli.RunAsync("keys", "create", "--name", "crash-test", "--scopes", "send", $"--Herald:DataDirectory={_data}");
        code.ShouldBe(0, error);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Trim());
        await herald.StartAsync(http);

        var acknowledged = new ConcurrentDictionary<string, string>(); // idempotency key -> message id
        var sending = Task.Run(() => CarefulClient.SendAllAsync(http, [herald.Url], Messages, acknowledged));
        var kills = 0;
        while (kills < Kills)
        {
            // Kill while messages are being accepted and delivered, at varying moments.
            await Task.Delay(TimeSpan.FromMilliseconds(400 + Random.Shared.Next(600)));
            herald.KillNine();
            kills++;
            await herald.StartAsync(http);
        }

        await sending;
        acknowledged.Count.ShouldBe(Messages);
        await WaitUntilAllFinalAsync(TimeSpan.FromSeconds(120));

        // Only complete transactions count: a DATA cut off by the kill never got its 250 and is retried.
        var received = sink.Data.Where(d => d.AsSpan().EndsWith("\r\n.\r\n"u8)).Select(d => MimeMessage.Load(new MemoryStream(d)).MessageId ?? "(none)").ToList();
        var byMessageId = received.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var lost = acknowledged.Values.Where(id => !byMessageId.ContainsKey($"{id}@herald.localhost")).ToList();
        var duplicates = byMessageId.Values.Sum(n => n - 1);
        _output.WriteLine($"kills: {kills}, acknowledged: {acknowledged.Count}, received: {received.Count}, distinct: {byMessageId.Count}, duplicates: {duplicates}, lost: {lost.Count}");

        lost.ShouldBeEmpty();
        // A duplicate is the same message sent twice, never a second message: its Message-ID names an acknowledged id.
        byMessageId.Keys.ShouldAllBe(mid => acknowledged.Values.Contains(mid.Replace("@herald.localhost", "", StringComparison.Ordinal)));
        (await ScalarAsync("SELECT count(*) FROM messages WHERE lease_token IS NOT NULL")).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM messages WHERE status <> 'delivered'")).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM messages")).ShouldBe(Messages);
    }

    private async Task WaitUntilAllFinalAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ScalarAsync("SELECT count(*) FROM messages WHERE status IN ('queued','deferred')") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("messages still pending after the last restart");
            }

            await Task.Delay(200);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "herald.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
