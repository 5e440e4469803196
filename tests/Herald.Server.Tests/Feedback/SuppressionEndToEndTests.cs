using System.Net.Http.Json;
using System.Text.Json;
using Herald.Bounces;
using Herald.Core.Delivery;
using Herald.Core.Feedback;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Feedback;

/// <summary>Herald's own SMTP replies feed the suppression policy: real Herald, real scripted SMTP server on 127.0.0.1.</summary>
public sealed class SuppressionEndToEndTests : IAsyncLifetime
{
    private const string Mimecast = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [Fu5SAnG1M_Ox3Ak8a4Fh3Q.uk101]";
    private const string Spamhaus = "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1";

    private ScriptedHerald _herald = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], recipient.Split('@')[1], verb) switch
    {
        ("nobody" or "gone", _, "RCPT") => new ServerAction.Reply("550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table"),
        (_, "mimecast.example", "RCPT") => new ServerAction.Reply(Mimecast),
        (_, "spamhaus.example", "RCPT") => new ServerAction.Reply(Spamhaus),
        ("flaky", _, "RCPT") when count == 1 => new ServerAction.Reply(Mimecast),
        _ => null,
    };

    private HeraldTestHost _host => _herald.Host;

    private ScriptedSmtpServer _smtp => _herald.Smtp;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(Rules);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    private async Task<string> SendAsync(string to) =>
        (await _host.SendAsync(new { type = "integration-alert", to, data = new { integration = "Slack", problem = "token expired" } })).GetProperty("id").GetString()!;

    [Fact]
    public async Task A_send_rejected_550_5_1_1_suspends_the_address()
    {
        var id = await SendAsync("nobody@example.com");
        await _host.WaitForStatusAsync(id, "failed");
        var status = await RecipientStatus.WaitForAsync(_host, "nobody@example.com", "suspended");
        status.GetProperty("showBanner").GetBoolean().ShouldBeTrue();
        var s = status.GetProperty("suspension");
        s.GetProperty("reason").GetString().ShouldBe("hard-bounce");
        s.GetProperty("source").GetString().ShouldBe("policy");
        s.GetProperty("evidence").GetString()!.ShouldContain("5.1.1");
        s.GetProperty("messageId").GetString().ShouldBe(id);
        s.GetProperty("explanation").GetString()!.ShouldContain("does not exist");
        s.GetProperty("canUnblock").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Sending_to_a_suspended_address_records_suppressed_and_contacts_no_server()
    {
        var first = await SendAsync("gone@example.com");
        await _host.WaitForStatusAsync(first, "failed");
        await RecipientStatus.WaitForAsync(_host, "gone@example.com", "suspended");
        var rcpts = _smtp.Commands.Count(c => c.Contains("gone@example.com", StringComparison.OrdinalIgnoreCase));

        var answer = await _host.SendAsync(new { type = "integration-alert", to = "gone@example.com", data = new { integration = "Slack", problem = "x" } });
        answer.GetProperty("status").GetString().ShouldBe("suppressed");
        answer.GetProperty("reason").GetString()!.ShouldContain("hard-bounce");
        answer.TryGetProperty("since", out _).ShouldBeTrue();

        var id = answer.GetProperty("id").GetString()!;
        var message = await _host.GetMessageAsync(id);
        message.GetProperty("status").GetString().ShouldBe("suppressed");
        Timeline.Types(message).ShouldBe(["accepted", "suppressed"]);
        Timeline.Last(message, "suppressed").GetProperty("detail").GetString()!.ShouldContain("suspended since");
        await Task.Delay(500); // give a (wrongly) queued message time to reach the server
        _smtp.Commands.Count(c => c.Contains("gone@example.com", StringComparison.OrdinalIgnoreCase)).ShouldBe(rcpts);
    }

    [Theory]
    [InlineData("ana@mimecast.example", "security-gateway-block", "recipient-it", "Mimecast")]
    [InlineData("ana@spamhaus.example", "blocklisted", "sender", "Spamhaus")]
    public async Task A_gateway_or_blocklist_rejection_leaves_the_address_active_with_the_problem_and_the_right_actor(
        string address, string scenario, string actor, string named)
    {
        var id = await SendAsync(address);
        await _host.WaitForStatusAsync(id, "deferred"); // retried within the TTL, never failed for the address's sake
        var status = await RecipientStatus.WaitForAsync(_host, address, "problem");
        status.TryGetProperty("suspension", out _).ShouldBeFalse();
        var p = status.GetProperty("problem");
        p.GetProperty("scenario").GetString().ShouldBe(scenario);
        p.GetProperty("actor").GetString().ShouldBe(actor);
        p.GetProperty("named").GetString().ShouldBe(named);
        p.GetProperty("reply").GetString()!.ShouldContain(address.EndsWith("mimecast.example", StringComparison.Ordinal) ? "community.mimecast.com/docs/DOC-1369#550" : "zen.spamhaus.org");
        p.GetProperty("messageId").GetString().ShouldBe(id);
        p.GetProperty("links").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Five_addresses_at_one_domain_blocked_the_same_way_make_one_incident()
    {
        var addresses = Enumerable.Range(1, 5).Select(i => $"user{i}@mimecast.example").ToArray();
        foreach (var address in addresses)
        {
            await _host.WaitForStatusAsync(await SendAsync(address), "deferred");
        }

        var incidents = new List<string?>();
        foreach (var address in addresses)
        {
            var p = (await RecipientStatus.WaitForAsync(_host, address, "problem")).GetProperty("problem");
            incidents.Add(p.TryGetProperty("incidentId", out var inc) ? inc.GetString() : null);
        }

        // The first two are blamed on nobody yet (two users may each have a problem); from the third the domain has one incident.
        incidents.Take(2).ShouldAllBe(i => i == null);
        var id = incidents.Skip(2).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        var listed = await _host.Http.GetFromJsonAsync<JsonElement>("/v1/incidents?domain=mimecast.example");
        var incident = listed.EnumerateArray().ShouldHaveSingleItem();
        incident.GetProperty("id").GetString().ShouldBe(id);
        incident.GetProperty("addresses").GetInt32().ShouldBe(5);
        incident.GetProperty("sample").GetString()!.ShouldContain("mimecast");
    }

    [Fact]
    public async Task A_delivery_clears_the_current_problem()
    {
        var id = await SendAsync("flaky@example.com");
        await _host.WaitForStatusAsync(id, "deferred");
        await RecipientStatus.WaitForAsync(_host, "flaky@example.com", "problem");
        var next = await SendAsync("flaky@example.com");
        await _host.WaitForStatusAsync(next, "delivered");
        await RecipientStatus.WaitForAsync(_host, "flaky@example.com", "ok");
    }

    [Fact]
    public async Task After_a_delivery_the_ledger_read_with_the_outcome_decides_and_none_is_read_again()
    {
        var id = await SendAsync("flaky@example.com");
        await _host.WaitForStatusAsync(id, "deferred");
        await RecipientStatus.WaitForAsync(_host, "flaky@example.com", "problem");
        var feedback = _host.Services.GetRequiredService<FeedbackService>();
        var message = (await _host.Store.GetAsync(id, CancellationToken.None)).ShouldNotBeNull();
        var delivered = new DeliveryOutcome.Delivered(new SmtpReply(250, "2.0.0", "Ok"), "mx.example.com", TimeSpan.FromMilliseconds(5));

        // Read with the outcome, the ledger was clean (say, before the problem was recorded): nothing to clear, and the
        // service does not read it again. Read by nobody (null), the service reads it and clears the problem.
        await feedback.RecordOutcomeAsync(message, delivered, new LedgerWithDomain(AddressLedger.Empty("flaky@example.com"), false), CancellationToken.None);
        (await RecipientStatus.GetAsync(_host, "flaky@example.com")).GetProperty("status").GetString().ShouldBe("problem");
        await feedback.RecordOutcomeAsync(message, delivered, null, CancellationToken.None);
        (await RecipientStatus.GetAsync(_host, "flaky@example.com")).GetProperty("status").GetString().ShouldBe("ok");
    }
}
