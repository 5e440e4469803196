using System.Globalization;

/// <param name="Urls">One node's URL, or several (--url repeated or comma-separated): the threads are spread over them.</param>
/// <param name="Database">The SQLite store to read completion from, unless <paramref name="Postgres"/> is given.</param>
/// <param name="Postgres">A PostgreSQL connection string: completion is read from that store instead.</param>
/// <param name="Batch">0: one message per POST /v1/messages; else this many per POST /v1/messages/batch.</param>
/// <param name="Prefix">Put before every recipient's local part: a warm-up run's "warmup-" keeps its critical messages out of
/// the measured run's latencies (<see cref="Completion.WarmupPrefix"/>).</param>
internal sealed record Args(
    IReadOnlyList<Uri> Urls, string Database, string? Postgres, int Messages, int Concurrency, int CriticalEvery, int Batch, bool AcceptOnly, string Prefix)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var urls = args.Select((a, i) => (a, i)).Where(p => p.a == "--url" && p.i + 1 < args.Length)
            .SelectMany(p => args[p.i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(u => new Uri(u)).ToList();
        return new Args(
            urls.Count > 0 ? urls : [new Uri("http://127.0.0.1:5000")],
            Get("--db", "data/herald.db"),
            Get("--pg", "") is { Length: > 0 } pg ? pg : null,
            int.Parse(Get("--messages", "20000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--concurrency", "32"), CultureInfo.InvariantCulture),
            int.Parse(Get("--critical-every", "20"), CultureInfo.InvariantCulture),
            int.Parse(Get("--batch", "0"), CultureInfo.InvariantCulture),
            args.Contains("--accept-only"),
            Get("--prefix", ""));
    }
}
