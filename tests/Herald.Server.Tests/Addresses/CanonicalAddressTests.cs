using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Providers;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Addresses;

/// <summary>
/// One mailbox written several ways is one mailbox for every lookup: a suspension cannot be walked around by quoting
/// the local part, changing the domain's case or writing the domain in Unicode or punycode. Real Herald, real scripted
/// SMTP server on 127.0.0.1 that would accept every message it is offered.
/// </summary>
public sealed class CanonicalAddressTests : HostedHeraldTests
{
    public CanonicalAddressTests()
        : base(new ByRecipient(static (recipient, verb, _) =>
            recipient.StartsWith("gone@", StringComparison.Ordinal) && verb == "RCPT"
                ? new ServerAction.Reply("550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
                : null).Script)
    {
    }

    private protected override Task<HeraldTestHost> StartHostAsync(int smtpPort) =>
        HeraldTestHost.StartAsync(smtpPort, new() { ["Herald:Providers:Mailgun:SigningKey"] = MailgunTestPayloads.SigningKey });

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string to)
    {
        using var response = await Host.Http.PostAsync("/v1/messages", new StringContent(
            JsonSerializer.Serialize(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "token expired" } }),
            Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task SuspendAsync(string address)
    {
        var (code, body) = await RecipientStatus.PostAsync(Host, "/v1/suppressions", new { address, @operator = "support", note = "ticket 42" });
        code.ShouldBe(200, body.ToString());
    }

    private int RcptsContaining(string text) => Smtp.Commands.Count(c => c.StartsWith("RCPT", StringComparison.Ordinal) && c.Contains(text, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("bob@example.com", "\"bob\"@example.com")]
    [InlineData("bob@example.com", "bob@EXAMPLE.COM")]
    [InlineData("bob@example.com", "BOB@Example.Com")]
    [InlineData("bob@example.com", "bob@example.com.")]
    [InlineData("bob@example.com", "\"b\\ob\"@example.com")]
    [InlineData("ana@exämple.com", "ana@xn--exmple-cua.com")]
    [InlineData("ana@xn--exmple-cua.com", "ana@EXÄMPLE.com")]
    [InlineData("ana@exämple.com", "\"ana\"@XN--EXMPLE-CUA.COM")]
    public async Task A_suspended_address_stays_suspended_however_it_is_written(string suspended, string written)
    {
        await SuspendAsync(suspended);

        var (status, body) = await SendAsync(written);
        status.ShouldBe(HttpStatusCode.Accepted, body.ToString());
        body.GetProperty("status").GetString().ShouldBe("suppressed");
        await Task.Delay(300); // time for a (wrongly) queued message to reach the server
        RcptsContaining(suspended.Split('@')[0] + "@").ShouldBe(0);
    }

    [Fact]
    public async Task After_a_hard_bounce_suspends_bob_mail_to_quoted_bob_is_not_delivered()
    {
        // The finding: after bob@example.com was suspended, mail to "bob"@example.com was delivered.
        var (_, first) = await SendAsync("gone@example.com");
        await Host.WaitForStatusAsync(first.GetProperty("id").GetString()!, "failed");
        await RecipientStatus.WaitForAsync(Host, "gone@example.com", "suspended");
        var rcpts = RcptsContaining("gone@");

        var (status, body) = await SendAsync("\"gone\"@example.com");
        status.ShouldBe(HttpStatusCode.Accepted);
        body.GetProperty("status").GetString().ShouldBe("suppressed");
        await Task.Delay(300);
        RcptsContaining("gone@").ShouldBe(rcpts);
    }

    [Fact]
    public async Task A_message_is_sent_to_the_canonical_address()
    {
        var (status, body) = await SendAsync("\"carol\"@EXÄMPLE.com");
        status.ShouldBe(HttpStatusCode.Accepted);
        var message = await Host.WaitForStatusAsync(body.GetProperty("id").GetString()!, "delivered");
        message.GetProperty("to").GetString().ShouldBe("carol@xn--exmple-cua.com");
        Smtp.Commands.ShouldContain("RCPT TO:<carol@xn--exmple-cua.com>");
    }

    [Theory]
    [InlineData("bob@example.com\u2028Bcc: eve@example.com")]
    [InlineData("bob@example.com\u2029")]
    [InlineData("bob\u0085@example.com")]
    [InlineData("b\u200bob@example.com")]
    [InlineData("\"bob\u0007\"@example.com")]
    public async Task A_line_separator_or_control_character_in_an_address_is_refused_naming_to(string to)
    {
        // The finding: Unicode line separators inside an address were written raw into To:.
        var (status, body) = await SendAsync(to);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["to"]);
        Smtp.Commands.ShouldNotContain(c => c.Contains('\u2028', StringComparison.Ordinal) || c.Contains('\u0085', StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_lifts_the_suspension_of_the_address_however_it_is_written()
    {
        await SuspendAsync("dan@example.com");
        var (code, body) = await RecipientStatus.PostAsync(Host, $"/v1/suppressions/{Uri.EscapeDataString("\"dan\"@EXAMPLE.com")}/remove",
            new { @operator = "support", note = "ticket 43" });
        code.ShouldBe(200, body.ToString());
        (await RecipientStatus.GetAsync(Host, "dan@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task A_recipient_address_is_stored_and_found_in_its_canonical_form()
    {
        var (code, created) = await RecipientStatus.PostAsync(Host, "/v1/recipients", new { id = "u_canon", addresses = new[] { "\"erin\"@Exämple.com" } });
        code.ShouldBe(201, created.ToString());
        created.GetProperty("addresses")[0].GetProperty("address").GetString().ShouldBe("erin@xn--exmple-cua.com");

        using var response = await Host.Http.PostAsJsonAsync("/v1/messages",
            new { type = "integration-alert", to = new { recipient = "u_canon", address = "ERIN@XN--EXMPLE-CUA.COM" }, data = new { integration = "Slack", problem = "x" } });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());

        using var primary = await Host.Http.PostAsync($"/v1/recipients/u_canon/addresses/{Uri.EscapeDataString("\"erin\"@exämple.com")}/primary", null);
        primary.StatusCode.ShouldBe(HttpStatusCode.OK, await primary.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_provider_event_for_another_spelling_of_the_address_applies_to_the_canonical_one()
    {
        var payload = MailgunTestPayloads.PermanentFailure.Replace("\"recipient\":\"alice@example.com\"", "\"recipient\":\"\\\"frank\\\"@EXAMPLE.com\"", StringComparison.Ordinal);
        using var response = await Host.Http.PostAsync("/v1/providers/mailgun",
            new StringContent(MailgunTestPayloads.Body(payload, DateTimeOffset.UtcNow, "canonical-token"), Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await RecipientStatus.GetAsync(Host, "frank@example.com")).GetProperty("status").GetString().ShouldBe("suspended");
    }
}
