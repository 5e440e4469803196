using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Feedback;

/// <summary>Reads GET /v1/recipients/{address}/status, polling where the ledger is written after the message's outcome.</summary>
internal static class RecipientStatus
{
    public static async Task<JsonElement> GetAsync(HeraldTestHost host, string address) =>
        await host.Http.GetFromJsonAsync<JsonElement>($"/v1/recipients/{Uri.EscapeDataString(address)}/status");

    public static async Task<JsonElement> WaitForAsync(HeraldTestHost host, string address, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement current;
        do
        {
            current = await GetAsync(host, address);
            if (current.GetProperty("status").GetString() == status)
            {
                return current;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < deadline);

        throw new ShouldAssertException($"{address} did not become '{status}': {current}");
    }

    public static async Task<(int Code, JsonElement Body)> PostAsync(HeraldTestHost host, string path, object? body = null)
    {
        using var response = await host.Http.PostAsJsonAsync(path, body ?? new { });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, json);
    }
}
