using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Cli.Tests.Durability;

/// <summary>The client of the crash tests: it sends until each message is acknowledged, as a careful application does.</summary>
internal static class CarefulClient
{
    /// <summary>
    /// Sends messages 0 to <paramref name="messages"/> - 1 until each is acknowledged (id by idempotency key in
    /// <paramref name="acknowledged"/>), 16 at a time, spread over <paramref name="nodes"/>. A failed call is retried with
    /// the same idempotency key on the next node (the same one when there is one), as a client behind a load balancer does.
    /// </summary>
    public static async Task SendAllAsync(HttpClient http, string[] nodes, int messages, ConcurrentDictionary<string, string> acknowledged) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var key = $"crash-{i}";
            var body = new { type = "report-submitted", to = $"user{i}@example.com", data = new { report = $"Report {i}", submitter = "Bo" }, idempotencyKey = key };
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync($"{nodes[(i + attempt) % nodes.Length]}/v1/messages", body, ct);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                        acknowledged[key] = json.GetProperty("id").GetString()!;
                        return;
                    }

                    throw new InvalidOperationException($"unexpected {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    await Task.Delay(50, ct); // that node is down or was killed mid-request: not acknowledged, try again
                }
            }
        });
}
