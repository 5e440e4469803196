using static Herald.Server.Tests.Doctor.DoctorEnvironment;

namespace Herald.Server.Tests.Doctor;

/// <summary>
/// herald doctor's diagnosis (GET /v1/diagnoses/{subject}) against a real DNS server on 127.0.0.1 and a real Herald:
/// one scenario per cause, each asserting the cause, who must act and the next step.
/// </summary>
public sealed class DiagnosisScenarioTests : IAsyncLifetime
{
    private const string Mimecast = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [Fu5SAnG1M_Ox3Ak8a4Fh3Q.uk101]";

    private static readonly string[] Zone =
    [
        "google-hosted.test MX 1 aspmx.l.google.com",
        "google-hosted.test MX 5 alt1.aspmx.l.google.com",
        "m365-mimecast.test MX 10 eu-smtp-inbound-1.mimecast.com",
        "m365-mimecast.test MX 10 eu-smtp-inbound-2.mimecast.com",
        "m365-mimecast.test TXT v=spf1 include:spf.protection.outlook.com -all",
        "proofpoint.test MX 10 mx0a-001.pphosted.com",
        "nullmx.test MX 0 .",
        "gmail.com MX 5 gmail-smtp-in.l.google.com",
        "aonly.test A 192.0.2.10",
        "nomail.test TXT nothing to see",
        "broken.test SERVFAIL",
    ];

    private DoctorEnvironment _env = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], recipient.Split('@')[1], verb) switch
    {
        ("nobody", _, "RCPT") => new ServerAction.Reply("550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table"),
        ("later", _, "RCPT") => new ServerAction.Reply("451 4.7.1 Greylisted, please try again in 5 minutes"),
        (_, "m365-mimecast.test", "RCPT") => new ServerAction.Reply(Mimecast),
        _ => null,
    };

    public async ValueTask InitializeAsync() => _env = await DoctorEnvironment.StartAsync(Zone, smtp: Rules);

    public async ValueTask DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task A_Google_hosted_domain_with_no_history_is_healthy_and_its_provider_is_named()
    {
        var report = await _env.DiagnoseAsync("ana@google-hosted.test");

        report.GetProperty("healthy").GetBoolean().ShouldBeTrue(report.ToString());
        var domain = report.GetProperty("addresses")[0].GetProperty("domain");
        domain.GetProperty("routing").GetString().ShouldBe("mx");
        domain.GetProperty("provider").GetString()!.ShouldContain("Google");
        domain.TryGetProperty("gateway", out _).ShouldBeFalse();
        (await _env.KitAsync("ana@google-hosted.test")).ShouldContain("approved senders");
    }

    [Fact]
    public async Task A_Microsoft_365_domain_behind_Mimecast_that_refused_us_is_its_IT_departments_to_allow_with_the_kit()
    {
        var id = await _env.SendAsync("ana@m365-mimecast.test");
        await _env.Host.WaitForStatusAsync(id, "deferred");
        await Feedback.RecipientStatus.WaitForAsync(_env.Host, "ana@m365-mimecast.test", "problem");

        var report = await _env.DiagnoseAsync("ana@m365-mimecast.test");

        var domain = report.GetProperty("addresses")[0].GetProperty("domain");
        domain.GetProperty("gateway").GetString().ShouldBe("Mimecast");
        domain.GetProperty("provider").GetString()!.ShouldContain("Microsoft 365");
        var cause = Cause(report, "last-problem", "recipient-it", "--kit");
        cause.GetProperty("evidence").GetString().ShouldBe(Mimecast);
        Cause(report, "deferred", "nobody", "tries again");
        Causes(report)[0].GetProperty("code").GetString().ShouldBe("last-problem");
    }

    [Fact]
    public async Task The_kit_for_a_Mimecast_domain_says_where_to_allow_quotes_the_refusal_and_claims_no_DKIM_signature_without_a_key()
    {
        var id = await _env.SendAsync("bo@m365-mimecast.test");
        await _env.Host.WaitForStatusAsync(id, "deferred");
        await Feedback.RecipientStatus.WaitForAsync(_env.Host, "bo@m365-mimecast.test", "problem");

        var kit = await _env.KitAsync("bo@m365-mimecast.test");

        kit.ShouldContain("Permitted Senders");
        kit.ShouldContain("Tenant Allow/Block Lists");
        kit.IndexOf("Mimecast", StringComparison.Ordinal).ShouldBeLessThan(kit.IndexOf("Microsoft", StringComparison.Ordinal)); // the gateway filters first
        kit.ShouldContain(Mimecast);
        kit.ShouldContain("`bounces.herald.localhost`");
        kit.ShouldNotContain("DKIM signing domains");
        kit.ShouldContain("not DKIM-signed");
        kit.ShouldNotContain("Sending hosts");
    }

    [Fact]
    public async Task A_Proofpoint_domain_kit_names_its_safe_senders_list()
    {
        var kit = await _env.KitAsync("cy@proofpoint.test");
        kit.ShouldContain("**Proofpoint**");
        kit.ShouldContain("Safe Senders");
    }

    [Fact]
    public async Task A_null_MX_domain_takes_no_mail_and_the_recipient_must_use_another_address()
    {
        var report = await _env.DiagnoseAsync("ana@nullmx.test");
        report.GetProperty("healthy").GetBoolean().ShouldBeFalse();
        Cause(report, "domain-accepts-no-mail", "recipient", "Use another address").GetProperty("evidence").GetString()!.ShouldContain("MX 0 .");
    }

    [Fact]
    public async Task A_typo_of_a_common_domain_with_no_MX_suggests_the_domain_that_has_one()
    {
        var report = await _env.DiagnoseAsync("ana@gmial.com");
        Cause(report, "typo-domain", "recipient", "Did you mean ana@gmail.com?");
        Causes(report).Select(c => c.GetProperty("code").GetString()).ShouldNotContain("domain-not-found");
    }

    [Fact]
    public async Task A_near_miss_is_not_suggested_when_the_common_domain_has_no_MX_either()
    {
        // hotmail.com is not in this zone: the suggestion would lead nowhere, so the domain is reported as it is.
        var report = await _env.DiagnoseAsync("ana@hotmial.com");
        Causes(report).Select(c => c.GetProperty("code").GetString()).ShouldNotContain("typo-domain");
        Cause(report, "domain-not-found", "recipient", "Check the spelling");
    }

    [Fact]
    public async Task A_domain_that_does_not_exist_is_the_recipients_to_correct()
    {
        var report = await _env.DiagnoseAsync("ana@no-such-domain.test");
        Cause(report, "domain-not-found", "recipient", "Check the spelling");
    }

    [Fact]
    public async Task A_domain_whose_DNS_fails_is_its_IT_departments_to_fix()
    {
        var report = await _env.DiagnoseAsync("ana@broken.test");
        Cause(report, "dns-failure", "recipient-it", "must fix its DNS");
    }

    [Fact]
    public async Task A_domain_with_only_an_address_record_relies_on_the_implicit_MX()
    {
        var report = await _env.DiagnoseAsync("ana@aonly.test");
        Cause(report, "implicit-mx", "recipient-it", "publish an MX record");
    }

    [Fact]
    public async Task A_domain_with_neither_MX_nor_address_has_no_mail_server()
    {
        var report = await _env.DiagnoseAsync("ana@nomail.test");
        Cause(report, "no-mail-server", "recipient-it", "must publish MX records");
    }

    [Fact]
    public async Task A_suspended_address_is_the_first_cause_with_its_evidence_and_the_unblock_step()
    {
        var id = await _env.SendAsync("nobody@google-hosted.test");
        await _env.Host.WaitForStatusAsync(id, "failed");
        await Feedback.RecipientStatus.WaitForAsync(_env.Host, "nobody@google-hosted.test", "suspended");

        var report = await _env.DiagnoseAsync(id); // by message id
        report.GetProperty("addresses")[0].GetProperty("address").GetString().ShouldBe("nobody@google-hosted.test");
        var cause = Cause(report, "suspended", "recipient", "unblock");
        cause.GetProperty("evidence").GetString()!.ShouldContain("5.1.1");
        Causes(report)[0].GetProperty("code").GetString().ShouldBe("suspended");
    }

    [Fact]
    public async Task A_greylisted_message_is_in_flight_with_its_next_attempt_and_nobody_must_act()
    {
        var id = await _env.SendAsync("later@google-hosted.test");
        await _env.Host.WaitForStatusAsync(id, "deferred");

        var report = await _env.DiagnoseAsync("later@google-hosted.test");
        var cause = Cause(report, "deferred", "nobody", "Herald tries again at");
        cause.GetProperty("summary").GetString()!.ShouldContain(id);
        cause.GetProperty("evidence").GetString()!.ShouldContain("Greylisted");
        Causes(report).ShouldAllBe(c => c.GetProperty("actor").GetString() == "nobody");
    }

    [Fact]
    public async Task Text_that_is_not_an_address_is_the_recipients_to_correct()
    {
        var report = await _env.DiagnoseAsync("ana@@example.com");
        Cause(report, "address-invalid", "recipient", "Correct the address");
    }

    [Fact]
    public async Task A_subject_Herald_does_not_know_is_404_naming_it()
    {
        using var response = await _env.Host.Http.GetAsync("/v1/diagnoses/msg_unknown");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("subject");
    }
}
