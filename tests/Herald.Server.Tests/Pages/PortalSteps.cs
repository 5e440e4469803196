using System.Net.Http.Json;
using System.Text.Json;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Pages;

/// <summary>What the application does before its user sees a page: create the recipient, mint a portal link.</summary>
internal static class PortalSteps
{
    public static async Task<string> PortalLinkAsync(this HeraldTestHost host, string recipientId, int? minutes = null)
    {
        using var response = await host.Http.PostAsync($"/v1/recipients/{recipientId}/portal-links" + (minutes is { } m ? $"?minutes={m}" : ""), null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        ((int)response.StatusCode).ShouldBe(201, body.ToString());
        return body.GetProperty("url").GetString()!;
    }

    public static string BaseUrl(this HeraldTestHost host) => host.Http.BaseAddress!.ToString().TrimEnd('/');
}
