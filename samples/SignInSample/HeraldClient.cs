using System.Net;
using System.Net.Http.Json;

namespace SignInSample;

/// <summary>The four calls to Herald's API this application makes (docs/recipients.md, docs/pages.md).</summary>
internal sealed class HeraldClient(HttpClient http)
{
    /// <summary>POST /v1/recipients: the user, with their address; 409 means Herald knows them already.</summary>
    public async Task EnsureRecipientAsync(string id, string email, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/v1/recipients", new { id, addresses = new[] { email } }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// POST /v1/messages with the shipped <c>magic-code</c> type, to the recipient (Herald picks their address). True
    /// when Herald accepted it (202): it is on Herald's disk and will be delivered or explained.
    /// </summary>
    public async Task<bool> SendSignInCodeAsync(string id, string code, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/v1/messages",
            new { type = "magic-code", to = new { recipient = id }, data = new { code } }, cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    /// <summary>GET /v1/recipients/{id}/banner: whether to show "We're having trouble emailing you", with a link that fixes it.</summary>
    public async Task<Banner?> BannerAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/v1/recipients/{Uri.EscapeDataString(id)}/banner", UriKind.Relative), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Banner>(cancellationToken) : null;
    }

    /// <summary>POST /v1/recipients/{id}/portal-links: a single-use link into the user's email settings.</summary>
    public async Task<string?> PortalLinkAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri($"/v1/recipients/{Uri.EscapeDataString(id)}/portal-links", UriKind.Relative), null, cancellationToken);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<PortalLink>(cancellationToken))?.Url : null;
    }
}
