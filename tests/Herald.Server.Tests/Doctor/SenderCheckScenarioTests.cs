using System.Security.Cryptography;
using System.Text.Json;
using Herald.Server.Tests.Support;
using static Herald.Server.Tests.Doctor.DoctorEnvironment;

namespace Herald.Server.Tests.Doctor;

/// <summary>
/// herald doctor --sender (GET /v1/sender-check) against a real DNS server on 127.0.0.1. Herald sends as
/// alerts@shop.test with the envelope domain bounces.shop.test, through a relay at 127.0.0.1 (the route's address).
/// </summary>
public sealed class SenderCheckScenarioTests
{
    private static readonly DkimTestKey Key = new("shop.test", "herald");

    private static readonly string PublicKey = PublicOf(Key.PrivatePem);

    /// <summary>The healthy zone without the records starting with <paramref name="remove"/>, plus <paramref name="add"/>.</summary>
    private static string[] Good(string? remove = null, string? add = null) =>
    [
        .. Healthy.Where(line => remove is null || !line.StartsWith(remove, StringComparison.Ordinal)),
        .. add is null ? [] : new[] { add },
    ];

    private static readonly string[] Healthy =
    [
        "shop.test TXT v=spf1 ip4:127.0.0.0/8 -all",
        "bounces.shop.test TXT v=spf1 include:_spf.relay.test -all",
        "_spf.relay.test TXT v=spf1 redirect=_spf2.relay.test",
        "_spf2.relay.test TXT v=spf1 a:out.relay.test mx:relay.test -all",
        "out.relay.test A 127.0.0.1",
        "relay.test MX 10 mx.relay.test",
        "mx.relay.test A 198.51.100.7",
        $"herald._domainkey.shop.test TXT v=DKIM1; k=rsa; p={PublicKey}",
        "_dmarc.shop.test TXT v=DMARC1; p=quarantine; rua=mailto:dmarc@shop.test",
        "bounces.shop.test MX 10 inbound.shop.test",
        "inbound.shop.test A 127.0.0.1",
    ];

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra) =>
        Key.Settings([("Herald:DefaultSender:Address", "alerts@shop.test"), ("Herald:BounceDomain", "bounces.shop.test"), .. extra]);

    private static async Task<JsonElement> CheckAsync(string[] zone, Dictionary<string, string?>? settings = null)
    {
        await using var env = await DoctorEnvironment.StartAsync(zone, settings ?? Settings());
        return await env.SenderCheckAsync();
    }

    [Fact]
    public async Task A_sender_with_SPF_through_include_and_redirect_a_matching_DKIM_key_DMARC_and_a_bounce_MX_is_healthy()
    {
        var report = await CheckAsync(Healthy);
        report.GetProperty("healthy").GetBoolean().ShouldBeTrue(report.ToString());
        report.GetProperty("checked").EnumerateArray().Select(c => c.GetString()).ShouldContain(c => c!.Contains("DKIM record at herald._domainkey.shop.test matches"));
    }

    [Fact]
    public async Task An_SPF_record_that_does_not_cover_the_route_is_the_senders_to_fix()
    {
        var report = await CheckAsync(Good("shop.test TXT", "shop.test TXT v=spf1 ip4:192.0.2.0/24 -all"));
        var cause = Cause(report, "spf-not-authorised", "sender", "Add ip4:127.0.0.1");
        cause.GetProperty("summary").GetString()!.ShouldContain("shop.test does not authorise route default (127.0.0.1)");
        cause.GetProperty("evidence").GetString().ShouldBe("v=spf1 ip4:192.0.2.0/24 -all");
    }

    [Fact]
    public async Task An_SPF_record_over_ten_lookups_is_a_permanent_error()
    {
        string[] chain = [.. Enumerable.Range(1, 11).Select(i => $"l{i}.relay.test TXT v=spf1 include:l{i + 1}.relay.test -all"), "l12.relay.test TXT v=spf1 ip4:127.0.0.1 -all"];
        var report = await CheckAsync([.. Good("shop.test TXT", "shop.test TXT v=spf1 include:l1.relay.test -all"), .. chain]);
        Cause(report, "spf-error", "sender", "at most 10 DNS-querying terms").GetProperty("summary").GetString()!.ShouldContain("more than 10 DNS lookups");
    }

    [Fact]
    public async Task A_missing_SPF_record_is_the_senders_to_publish()
    {
        var report = await CheckAsync(Good("shop.test TXT"));
        Cause(report, "spf-missing", "sender", "v=spf1 ip4:127.0.0.1 ~all");
    }

    [Fact]
    public async Task A_DKIM_record_with_another_key_is_a_mismatch_and_the_step_gives_the_right_record()
    {
        using var other = RSA.Create(2048);
        var report = await CheckAsync(Good("herald._domainkey.shop.test", $"herald._domainkey.shop.test TXT v=DKIM1; k=rsa; p={Convert.ToBase64String(other.ExportSubjectPublicKeyInfo())}"));
        Cause(report, "dkim-key-mismatch", "sender", $"herald._domainkey.shop.test: \"v=DKIM1; k=rsa; p={PublicKey}\"");
    }

    [Fact]
    public async Task A_missing_DKIM_record_is_the_senders_to_publish()
    {
        var report = await CheckAsync(Good("herald._domainkey.shop.test"));
        Cause(report, "dkim-missing", "sender", "herald._domainkey.shop.test");
    }

    [Fact]
    public async Task No_DMARC_record_is_the_senders_to_publish()
    {
        var report = await CheckAsync(Good("_dmarc.shop.test"));
        Cause(report, "dmarc-missing", "sender", "_dmarc.shop.test: \"v=DMARC1; p=none");
    }

    [Fact]
    public async Task Without_a_DKIM_key_and_with_a_bounce_domain_of_another_organisation_DMARC_cannot_align()
    {
        string[] zone = [.. Good(), "bounces.other.test TXT v=spf1 ip4:127.0.0.1 -all", "bounces.other.test MX 10 inbound.shop.test"];
        var settings = new Dictionary<string, string?> { ["Herald:DefaultSender:Address"] = "alerts@shop.test", ["Herald:BounceDomain"] = "bounces.other.test" };
        var report = await CheckAsync(zone, settings);
        Cause(report, "dmarc-not-aligned", "sender", "Configure a DKIM key for shop.test");
    }

    [Fact]
    public async Task Strict_SPF_alignment_is_not_met_by_a_bounce_subdomain_but_DKIM_still_aligns()
    {
        var report = await CheckAsync(Good("_dmarc.shop.test", "_dmarc.shop.test TXT v=DMARC1; p=reject; aspf=s"));
        report.GetProperty("healthy").GetBoolean().ShouldBeTrue(report.ToString());
        report.GetProperty("checked").EnumerateArray().Select(c => c.GetString()).ShouldContain("DMARC of shop.test aligns through DKIM");
    }

    [Fact]
    public async Task A_bounce_domain_without_MX_never_gets_bounces_back()
    {
        var report = await CheckAsync(Good("bounces.shop.test MX"));
        Cause(report, "bounce-mx", "sender", "Publish an MX record for bounces.shop.test");
    }

    [Fact]
    public async Task A_bounce_MX_that_points_elsewhere_than_the_configured_listener_is_reported()
    {
        var report = await CheckAsync(Healthy, Settings(("Herald:Doctor:InboundHost", "203.0.113.25")));
        Cause(report, "bounce-mx", "sender", "(203.0.113.25)");
    }

    [Fact]
    public async Task A_direct_routes_address_needs_forward_confirmed_reverse_DNS()
    {
        var direct = Settings(("Herald:Smtp:Routes:direct:Kind", "Direct"), ("Herald:Pages:SendingHosts:0", "127.0.0.1"));
        var without = await CheckAsync(Healthy, direct);
        Cause(without, "ptr-not-confirmed", "sender", "set its PTR");

        var with = await CheckAsync([.. Healthy, "1.0.0.127.in-addr.arpa PTR mail.shop.test", "mail.shop.test A 127.0.0.1"], direct);
        Causes(with).Select(c => c.GetProperty("code").GetString()).ShouldNotContain("ptr-not-confirmed");
    }

    private static string PublicOf(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }
}
