using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

// Load generator for bench/delivery.sh and bench/delivery-postgres.sh: sends N messages (5.6 KB each in the shipped layout) through Herald's
// HTTP API as fast as it accepts them (one per POST, or --batch B per POST /v1/messages/batch), with one critical magic
// code every --critical-every messages, spread over one or more nodes (--url); then waits until the store (SQLite --db,
// or PostgreSQL --pg) has every message delivered and reads the timeline to report accept-to-sink latency of the critical ones.
var options = Args.Parse(args);
// About 0.7 KB of text in 10 lines, the body of the digest type that bench/common.sh configures.
var summary = string.Join('\n', Enumerable.Range(1, 10).Select(n => $"{n,2}. Report {n} was submitted, reviewed and approved by the finance team.  "[..68]));
object Body(int i) => i % options.CriticalEvery == 0
    ? new { type = "magic-code", to = $"{options.Prefix}critical{i}@example.com", data = new { code = $"{i % 1000000:D6}", name = "Bench" } }
    : new { type = "weekly-digest", to = $"{options.Prefix}bulk{i}@example.com", data = new { week = $"{i % 52 + 1}", summary } };

// Every request is built before the clock starts: the load generator should cost as little as smtp-source does.
// Request r goes to node r % nodes, so each thread (which takes requests in turn) spreads its load over every node.
var perRequest = Math.Max(1, options.Batch);
var requests = Enumerable.Range(0, (options.Messages + perRequest - 1) / perRequest).Select(r =>
{
    var authority = options.Urls[r % options.Urls.Count].Authority;
    var first = r * perRequest;
    var count = Math.Min(perRequest, options.Messages - first);
    return options.Batch > 0
        ? HttpLoad.Request(authority, "/v1/messages/batch", JsonSerializer.Serialize(new { messages = Enumerable.Range(first, count).Select(Body) }))
        : HttpLoad.Request(authority, "/v1/messages", JsonSerializer.Serialize(Body(first)));
}).ToArray();

// How long Herald took to answer each critical POST (durable acceptance): the part of a critical message's latency spent
// before its 202, the rest being the queue, the attempt and the sink.
var criticalPosts = new double[options.Batch > 0 ? 0 : requests.Length];
var clock = Stopwatch.StartNew();
var next = -1;
var threads = Enumerable.Range(0, options.Concurrency).Select(_ => new Thread(() =>
{
    var connections = options.Urls.Select(u => new HttpLoad(u.Host, u.Port)).ToArray();
    int r;
    while ((r = Interlocked.Increment(ref next)) < requests.Length)
    {
        var sent = Stopwatch.GetTimestamp();
        var (status, text) = connections[r % connections.Length].Send(requests[r]);
        if (options.Batch == 0 && r % options.CriticalEvery == 0)
        {
            criticalPosts[r] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        }

        // A batch answers 200 with one result per message; the bench counts it only when none was refused.
        var ok = options.Batch > 0 ? status == 200 && text.Contains("\"refused\":0,", StringComparison.Ordinal) : status == 202;
        if (!ok)
        {
            throw new InvalidOperationException($"request {r}: {status} {text[..Math.Min(text.Length, 2000)]}");
        }
    }

    Array.ForEach(connections, c => c.Dispose());
})).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
var acceptedAt = clock.Elapsed;
var inv = CultureInfo.InvariantCulture;
if (options.AcceptOnly)
{
    Console.WriteLine(string.Create(inv, $"accepted={options.Messages} accepted_per_s={options.Messages / acceptedAt.TotalSeconds:F0} requests={requests.Length}"));
    return;
}

await using var store = await Completion.OpenAsync(options.Database, options.Postgres);
while (await store.AnyPendingAsync())
{
    await Task.Delay(20);
}

var deliveredAt = clock.Elapsed;
var values = await store.CriticalLatenciesAsync();
var notDelivered = await store.NotDeliveredAsync();
double Percentile(double p) => values.Count == 0 ? double.NaN : values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
var posts = criticalPosts.Where((_, r) => r % options.CriticalEvery == 0).Order().ToList();
double PostPercentile(double p) => posts.Count == 0 ? double.NaN : posts[Math.Min(posts.Count - 1, (int)Math.Ceiling(p * posts.Count) - 1)];
Console.WriteLine(string.Create(inv, $"messages={options.Messages} accepted_per_s={options.Messages / acceptedAt.TotalSeconds:F0} delivered_per_s={options.Messages / deliveredAt.TotalSeconds:F0} accept_s={acceptedAt.TotalSeconds:F2} end_to_end_s={deliveredAt.TotalSeconds:F2} critical={values.Count} critical_p50_ms={Percentile(0.50):F0} critical_p99_ms={Percentile(0.99):F0} not_delivered={notDelivered} critical_post_p50/p99_ms={PostPercentile(0.50):F0}/{PostPercentile(0.99):F0}"));
