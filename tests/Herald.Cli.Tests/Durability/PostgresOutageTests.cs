using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Herald.Cli.Tests.Durability;

/// <summary>
/// PostgreSQL stopped in the middle of a run and started again (issue 13): while it is down the API answers 503 with a
/// problem document (never 500, never a 202 it cannot keep), nothing acknowledged is lost, and the node carries on by
/// itself once the database is back, with no restart of Herald.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output) : IDisposable
{
    private const int Messages = 2000;
    private readonly string _data = Directory.CreateTempSubdirectory("herald-pg-outage-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task While_PostgreSQL_is_down_the_API_answers_503_and_afterwards_every_acknowledged_message_is_delivered()
    {
        await using var postgres = await PostgresForNodes.StartAsync();
        await using var sink = new ScriptedSmtpServer();
        using var node = new HeraldProcess(_data, sink.Port, postgres.NodeSettings);
        using var http = await postgres.SendingClientAsync(_data);
        await node.StartAsync(http);

        var acknowledged = new ConcurrentDictionary<string, string>();
        var answers = new ConcurrentDictionary<int, int>(); // status code -> how many
        var sending = Task.Run(() => SendAllAsync(http, node.Url, acknowledged, answers));
        while (acknowledged.Count < Messages / 4)
        {
            await Task.Delay(20);
        }

        postgres.Cluster.Stop().Code.ShouldBe(0);
        await Task.Delay(TimeSpan.FromSeconds(5));
        node.HasExited.ShouldBeFalse("herald exited when the database went away:\n" + string.Join('\n', node.Errors.TakeLast(40)));
        using (var down = await http.PostAsJsonAsync($"{node.Url}/v1/messages", Body(-1)))
        {
            var body = await down.Content.ReadAsStringAsync();
            output.WriteLine($"while down: {(int)down.StatusCode} {body}");
            down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
            down.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }

        postgres.Cluster.Restart().Code.ShouldBe(0);
        await sending;
        output.WriteLine("answers: " + string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key} x{a.Value}")));
        answers.Keys.ShouldNotContain(500);
        answers.Keys.ShouldContain(503);

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await postgres.ScalarAsync("SELECT count(*) FROM messages WHERE status <> 'delivered' OR id IN (SELECT id FROM queue WHERE lease_token IS NOT NULL)") > 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the node did not carry on after the database came back");
            await Task.Delay(200);
        }

        var received = sink.Data.Select(d => MimeMessage.Load(new MemoryStream(d)).MessageId).ToHashSet();
        acknowledged.Values.Where(id => !received.Contains($"{id}@herald.localhost")).ShouldBeEmpty("lost");
        (await postgres.ScalarAsync("SELECT count(*) FROM messages")).ShouldBe(Messages);
    }

    private static object Body(int i) =>
        new { type = "report-submitted", to = $"user{i}@example.com", data = new { report = $"Report {i}", submitter = "Bo" }, idempotencyKey = $"outage-{i}" };

    /// <summary>Sends every message until it is acknowledged, counting every status code seen; retries keep the idempotency key.</summary>
    private static async Task SendAllAsync(HttpClient http, string url, ConcurrentDictionary<string, string> acknowledged, ConcurrentDictionary<int, int> answers) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, Messages), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            while (true)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync($"{url}/v1/messages", Body(i), ct);
                    answers.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        acknowledged[$"outage-{i}"] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }

                await Task.Delay(100, ct);
            }
        });
}
