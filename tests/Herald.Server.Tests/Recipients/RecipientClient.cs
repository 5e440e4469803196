using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Server.Tests.Support;
using MimeKit;

namespace Herald.Server.Tests.Recipients;

/// <summary>Calls to the recipient API of a test host, and the mail its SMTP server received.</summary>
internal static partial class RecipientClient
{
    public static async Task CreateAsync(this HeraldTestHost host, string id, params string[] addresses)
    {
        using var response = await host.Http.PostAsJsonAsync("/v1/recipients", new { id, addresses });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> GetRecipientAsync(this HeraldTestHost host, string id) =>
        await host.Http.GetFromJsonAsync<JsonElement>($"/v1/recipients/{id}");

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SetPreferenceAsync(this HeraldTestHost host, string id, string category, bool enabled)
    {
        using var response = await host.Http.PutAsJsonAsync($"/v1/recipients/{id}/preferences/{category}", new { enabled });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task<JsonElement> PreferenceAsync(this HeraldTestHost host, string id, string category) =>
        (await host.Http.GetFromJsonAsync<JsonElement>($"/v1/recipients/{id}/preferences")).EnumerateArray()
            .Single(p => p.GetProperty("category").GetString() == category);

    public static async Task<string> SendToRecipientAsync(this HeraldTestHost host, string type, string recipient, object data) =>
        (await host.SendAsync(new { type, to = new { recipient }, data })).GetProperty("id").GetString()!;

    public static async Task<(HttpStatusCode Status, string Body)> RequestVerificationAsync(this HeraldTestHost host, string id, string address)
    {
        using var response = await host.Http.PostAsync($"/v1/recipients/{id}/addresses/{Uri.EscapeDataString(address)}/verification", null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(HttpStatusCode Status, string Body)> PostFormAsync(this HeraldTestHost host, string pathAndQuery, string form = "")
    {
        using var content = new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await host.Http.PostAsync(pathAndQuery, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetPageAsync(this HeraldTestHost host, string pathAndQuery)
    {
        using var response = await host.Http.GetAsync(pathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits for the <paramref name="count"/>-th message the SMTP server received for <paramref name="to"/>.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(this ScriptedSmtpServer smtp, string to, int count = 1)
    {
        for (var i = 0; i < 800; i++)
        {
            var mail = Received(smtp).Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(to, StringComparison.OrdinalIgnoreCase))).ToList();
            if (mail.Count >= count)
            {
                return mail[count - 1];
            }

            await Task.Delay(25);
        }

        throw new ShouldAssertException($"no message #{count} for {to} arrived");
    }

    public static IEnumerable<MimeMessage> Received(ScriptedSmtpServer smtp) =>
        smtp.Data.Select(d => MimeMessage.Load(new MemoryStream(WireData.ToMessage(d))));

    /// <summary>The path of the verification link in a verification email.</summary>
    public static string VerifyPath(MimeMessage mail)
    {
        var match = VerifyLink().Match(mail.TextBody!);
        match.Success.ShouldBeTrue(mail.TextBody);
        return "/verify/" + match.Groups[1].Value;
    }

    /// <summary>The path of the https URL in List-Unsubscribe.</summary>
    public static string UnsubscribePath(MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"].ShouldNotBeNull();
        var url = header.Split(',')[0].Trim().TrimStart('<').TrimEnd('>');
        return new Uri(url).AbsolutePath;
    }

    [GeneratedRegex("/verify/([A-Za-z0-9_-]+)")]
    private static partial Regex VerifyLink();
}
