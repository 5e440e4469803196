using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

// Load generator for bench/delivery.sh: sends N messages (~2 KB each) through Herald's HTTP API as fast as it
// accepts them, with one critical magic code every --critical-every messages, then waits until the sink has
// every message and reads the timeline to report accept-to-sink latency of the critical ones.
var options = Args.Parse(args);
var url = new Uri(options.Url);
// About 0.7 KB of text in 10 lines, the body of the digest type that bench/delivery.sh configures.
var summary = string.Join('\n', Enumerable.Range(1, 10).Select(n => $"{n,2}. Report {n} was submitted, reviewed and approved by the finance team.  "[..68]));

// Every request is built before the clock starts: the load generator should cost as little as smtp-source does.
var requests = new byte[options.Messages][];
for (var i = 0; i < options.Messages; i++)
{
    object body = i % options.CriticalEvery == 0
        ? new { type = "magic-code", to = $"critical{i}@example.com", data = new { code = $"{i % 1000000:D6}", name = "Bench" } }
        : new { type = "weekly-digest", to = $"bulk{i}@example.com", data = new { week = $"{i % 52 + 1}", summary } };
    requests[i] = HttpLoad.Request(url.Authority, "/v1/messages", System.Text.Json.JsonSerializer.Serialize(body));
}

var clock = Stopwatch.StartNew();
var acceptedAt = TimeSpan.Zero;
var next = -1;
var threads = Enumerable.Range(0, options.Concurrency).Select(_ => new Thread(() =>
{
    using var connection = new HttpLoad(url.Host, url.Port);
    int i;
    while ((i = Interlocked.Increment(ref next)) < options.Messages)
    {
        var (status, text) = connection.Send(requests[i]);
        if (status != 202)
        {
            throw new InvalidOperationException($"send {i}: {status} {text}");
        }
    }
})).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
acceptedAt = clock.Elapsed;
if (options.AcceptOnly)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accepted={options.Messages} accepted_per_s={options.Messages / acceptedAt.TotalSeconds:F0}"));
    return;
}

await using var db = new SqliteConnection($"Data Source={options.Database};Mode=ReadOnly;Pooling=False");
await db.OpenAsync();
long Pending()
{
    using var command = db.CreateCommand();
    command.CommandText = "SELECT count(*) FROM messages WHERE status IN ('queued','deferred')";
    return (long)command.ExecuteScalar()!;
}

while (Pending() > 0)
{
    await Task.Delay(20);
}

var deliveredAt = clock.Elapsed;
using var latency = db.CreateCommand();
latency.CommandText = """
    SELECT e.time - m.created_at FROM messages m JOIN events e ON e.message_id = m.id AND e.type = 'delivered'
    WHERE m.priority = 0 ORDER BY 1
    """;
var values = new List<long>();
await using (var reader = await latency.ExecuteReaderAsync())
{
    while (await reader.ReadAsync())
    {
        values.Add(reader.GetInt64(0));
    }
}

using var failures = db.CreateCommand();
failures.CommandText = "SELECT count(*) FROM messages WHERE status <> 'delivered'";
var notDelivered = (long)(await failures.ExecuteScalarAsync())!;

double Percentile(double p) => values.Count == 0 ? double.NaN : values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"messages={options.Messages} accepted_per_s={options.Messages / acceptedAt.TotalSeconds:F0} delivered_per_s={options.Messages / deliveredAt.TotalSeconds:F0} accept_s={acceptedAt.TotalSeconds:F2} end_to_end_s={deliveredAt.TotalSeconds:F2} critical={values.Count} critical_p50_ms={Percentile(0.50):F0} critical_p99_ms={Percentile(0.99):F0} not_delivered={notDelivered}"));

internal sealed record Args(string Url, string Database, int Messages, int Concurrency, int CriticalEvery, bool AcceptOnly)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Args(
            Get("--url", "http://127.0.0.1:5000"),
            Get("--db", "data/herald.db"),
            int.Parse(Get("--messages", "20000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--concurrency", "32"), CultureInfo.InvariantCulture),
            int.Parse(Get("--critical-every", "20"), CultureInfo.InvariantCulture),
            args.Contains("--accept-only"));
    }
}
