using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;
using Herald.Testing.Disks;

namespace Herald.Server.Tests.Storage;

/// <summary>
/// A full disk, for real: the data folder on a 16 MiB tmpfs, filled up. The finding: clients got a generic 500 while
/// /healthz stayed ready. Now: 503 with Retry-After, readiness false until writes commit again, and every message that
/// was acknowledged (202) is still there after a restart.
/// </summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task A_full_disk_answers_503_with_Retry_After_readiness_goes_false_and_nothing_acknowledged_is_lost()
    {
        var (mount, reason) = Tmpfs.TryMount("16m");
        if (mount is null)
        {
            Assert.Skip(reason);
        }

        using var disk = mount;
        await using var smtp = new ScriptedSmtpServer();
        // The free-space threshold (its own tests) would keep a 16 MiB disk unready from the start; the store's own fault is under test here.
        var settings = new Dictionary<string, string?> { ["Herald:DataDirectory"] = disk.Path, ["Herald:Retention:MinFreeDiskBytes"] = "0" };
        var acknowledged = new List<string>();
        var host = await HeraldTestHost.StartAsync(smtp.Port, settings);
        try
        {
            for (var i = 0; i < 100; i++)
            {
                acknowledged.Add((await host.SendAsync(Alert($"before{i}@example.com"))).GetProperty("id").GetString()!);
            }

            var filler = disk.Fill();
            HttpResponseMessage? refused = null;
            for (var i = 0; i < 5000 && refused is null; i++)
            {
                var response = await host.Http.PostAsJsonAsync("/v1/messages", Alert($"ops{i}@example.com"));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
                    response.Dispose();
                }
                else
                {
                    refused = response;
                }
            }

            using (refused.ShouldNotBeNull("the disk never filled up"))
            {
                refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await refused.Content.ReadAsStringAsync());
                refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
                refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
                problem.GetProperty("status").GetInt32().ShouldBe(503);
                problem.GetProperty("title").GetString().ShouldBe("Storage unavailable");
            }

            using (var health = await host.Http.GetAsync("/healthz"))
            {
                health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("storage-unavailable");
            }

            File.Delete(filler);
            await WaitUntilReadyAsync(host);
            acknowledged.Add((await host.SendAsync(Alert("after@example.com"))).GetProperty("id").GetString()!);
        }
        finally
        {
            await host.DisposeAsync();
        }

        await using var again = await HeraldTestHost.StartAsync(smtp.Port, settings);
        foreach (var id in acknowledged)
        {
            using var response = await again.Http.GetAsync($"/v1/messages/{id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{id} was acknowledged, then lost");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{acknowledged.Count} acknowledged, all found after the restart");
    }

    private static object Alert(string to) => new { type = "integration-alert", to, data = new { integration = "disk", problem = new string('x', 500) } };

    private static async Task WaitUntilReadyAsync(HeraldTestHost host)
    {
        for (var i = 0; i < 100; i++)
        {
            using var health = await host.Http.GetAsync("/healthz");
            if (health.IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException("readiness did not come back after space was freed");
    }
}
