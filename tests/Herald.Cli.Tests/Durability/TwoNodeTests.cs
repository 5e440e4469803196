using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Herald.Cli.Tests.Durability;

/// <summary>
/// Two real <c>herald serve</c> processes on one PostgreSQL database (issue 13): 10,000 bulk messages sent to both are
/// each delivered, none twice with two Message-IDs, none lost; and a sign-in code accepted by either node while that
/// backlog waits is delivered before it, because both nodes claim critical messages first.
/// </summary>
public sealed class TwoNodeTests(ITestOutputHelper output) : IDisposable
{
    private const int Bulk = 10_000;
    private readonly string _data = Directory.CreateTempSubdirectory("herald-2node-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Two_nodes_deliver_every_message_once_and_a_critical_one_overtakes_the_bulk_backlog_on_both()
    {
        await using var postgres = await PostgresForNodes.StartAsync();
        // A receiving server that takes 20 ms per message, and two bulk slots per node: the backlog lasts long enough to
        // be overtaken (at most 200 messages a second for both nodes).
        await using var sink = new ScriptedSmtpServer(c => c.Verb == "." ? new ServerAction.Delay(TimeSpan.FromMilliseconds(20)) : null);
        string[] settings = [.. postgres.NodeSettings, "--Herald:Delivery:Concurrency=3", "--Herald:Delivery:CriticalConcurrency=1"];
        using var a = new HeraldProcess(Directory.CreateDirectory(Path.Combine(_data, "a")).FullName, sink.Port, settings);
        using var b = new HeraldProcess(Directory.CreateDirectory(Path.Combine(_data, "b")).FullName, sink.Port, settings);
        using var http = await postgres.SendingClientAsync(Path.Combine(_data, "a"));
        await a.StartAsync(http);
        await b.StartAsync(http);

        var bulk = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Bulk), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            bulk.Add(await SendAsync(http, i % 2 == 0 ? a.Url : b.Url,
                new { type = "report-submitted", to = $"user{i}@example.com", data = new { report = $"Report {i}", submitter = "Bo" } }, ct)));
        var waitingBefore = await postgres.ScalarAsync("SELECT count(*) FROM messages WHERE status = 'queued'");
        string[] critical =
        [
            await SendAsync(http, a.Url, new { type = "magic-code", to = "ana@example.com", data = new { code = "111111", name = "Ana" } }, default),
            await SendAsync(http, b.Url, new { type = "magic-code", to = "bo@example.com", data = new { code = "222222", name = "Bo" } }, default),
        ];

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await postgres.ScalarAsync($"SELECT count(*) FROM messages WHERE id IN ('{critical[0]}', '{critical[1]}') AND status = 'delivered'") < 2)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the sign-in codes were not delivered");
            await Task.Delay(50);
        }

        var waitingAfter = await postgres.ScalarAsync("SELECT count(*) FROM messages WHERE status = 'queued' AND type = 'report-submitted'");
        output.WriteLine($"bulk waiting when the codes were sent: {waitingBefore}; when both were delivered: {waitingAfter}");
        waitingBefore.ShouldBeGreaterThan(1000, "the backlog this test needs did not form");
        waitingAfter.ShouldBeGreaterThan(0, "both codes were delivered while bulk accepted before them still waited");

        deadline = DateTime.UtcNow.AddMinutes(5);
        while (await postgres.ScalarAsync("SELECT count(*) FROM messages WHERE status <> 'delivered' OR id IN (SELECT id FROM queue WHERE lease_token IS NOT NULL)") > 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "messages still pending");
            await Task.Delay(200);
        }

        var received = sink.Data.Select(d => MimeMessage.Load(new MemoryStream(d)).MessageId ?? "(none)").GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"received: {received.Values.Sum()}, distinct: {received.Count}, most copies of one: {received.Values.Max()}");
        string[] all = [.. bulk, .. critical];
        all.Where(id => !received.ContainsKey($"{id}@herald.localhost")).ShouldBeEmpty("lost");
        received.Count.ShouldBe(all.Length, "nothing but the acknowledged messages");
        received.Values.Max().ShouldBeLessThanOrEqualTo(2, "a message may be sent again only after a crash window, never more");
    }

    private static async Task<string> SendAsync(HttpClient http, string node, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"{node}/v1/messages", body, cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(cancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetString()!;
    }
}
