using System.Net;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Herald.Server.Tests.Doctor.DoctorEnvironment;

namespace Herald.Server.Tests.Doctor;

/// <summary>
/// The causes that come from Herald's own state, each reached the way it happens (a preference turned off and a message
/// skipped, a message retried until it expired, several addresses of one domain hitting one block) through a real
/// Herald, a real SMTP server and a real DNS server on 127.0.0.1, then read from GET /v1/diagnoses/{subject}.
/// </summary>
public sealed class DiagnosisStateScenarioTests
{
    private const string Mimecast = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [Fu5SAnG1M_Ox3Ak8a4Fh3Q.uk101]";

    private static readonly string[] Zone =
    [
        "google-hosted.test MX 1 aspmx.l.google.com",
        "behind-mimecast.test MX 10 eu-smtp-inbound-1.mimecast.com",
    ];

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], recipient.Split('@')[1], verb) switch
    {
        ("later", _, "RCPT") => new ServerAction.Reply("451 4.7.1 Greylisted, please try again in 5 minutes"),
        (_, "behind-mimecast.test", "RCPT") => new ServerAction.Reply(Mimecast),
        _ => null,
    };

    [Fact]
    public async Task A_category_the_recipient_turned_off_skips_the_message_and_is_the_recipients_to_turn_back_on()
    {
        await using var env = await DoctorEnvironment.StartAsync(Zone, smtp: Rules);
        await env.Host.CreateAsync("u-off", "ana@google-hosted.test");
        (await env.Host.SetPreferenceAsync("u-off", "report-actions", false)).Status.ShouldBe(HttpStatusCode.OK);
        var id = await env.Host.SendToRecipientAsync("report-approved", "u-off", new { report = "Trip to Lyon", approver = "Bo" });
        await env.Host.WaitForStatusAsync(id, "skipped");

        var report = await env.DiagnoseAsync("u-off");

        report.GetProperty("healthy").GetBoolean().ShouldBeFalse(report.ToString());
        var cause = Cause(report, "preference-off", "recipient", "Turn them back on in the email settings");
        cause.GetProperty("summary").GetString()!.ShouldContain("Report notifications");
        Causes(report)[0].GetProperty("code").GetString().ShouldBe("preference-off");
    }

    [Fact]
    public async Task A_message_retried_until_it_expired_is_the_senders_to_send_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var env = await DoctorEnvironment.StartAsync(Zone, smtp: Rules, time: time);
        // A sign-in code lives ten minutes: attempts at 0, ~1 and ~6 minutes, and the next would come after it expired.
        var id = (await env.Host.SendAsync(new { type = "magic-code", to = "later@google-hosted.test", data = new { code = "424242" } }))
            .GetProperty("id").GetString()!;
        await WaitForDeferralsAsync(env.Host, id, 1);
        time.Advance(TimeSpan.FromMinutes(1.2));
        await WaitForDeferralsAsync(env.Host, id, 2);
        time.Advance(TimeSpan.FromMinutes(5.6));
        await env.Host.WaitForStatusAsync(id, "expired");

        var report = await env.DiagnoseAsync("later@google-hosted.test");

        var cause = Cause(report, "expired", "sender", "send again from the application");
        cause.GetProperty("summary").GetString()!.ShouldContain(id);
        cause.GetProperty("evidence").GetString()!.ShouldContain("Greylisted");
    }

    [Fact]
    public async Task A_block_that_hit_several_addresses_of_the_domain_is_an_incident_for_its_IT_department_with_the_kit()
    {
        await using var env = await DoctorEnvironment.StartAsync(Zone, smtp: Rules);
        foreach (var who in new[] { "ana", "bo", "cy" })
        {
            await env.Host.WaitForStatusAsync(await env.SendAsync($"{who}@behind-mimecast.test"), "deferred");
        }

        await Feedback.RecipientStatus.WaitForAsync(env.Host, "cy@behind-mimecast.test", "problem");

        // Dee never got a message: the incident is the domain's, so it explains her missing mail too.
        var report = await env.DiagnoseAsync("dee@behind-mimecast.test");

        var cause = Cause(report, "domain-incident", "recipient-it", "herald doctor dee@behind-mimecast.test --kit");
        cause.GetProperty("summary").GetString()!.ShouldContain("3 addresses at behind-mimecast.test");
        cause.GetProperty("evidence").GetString()!.ShouldContain("mimecast.com");
        Causes(report)[0].GetProperty("code").GetString().ShouldBe("domain-incident");
    }

    /// <summary>Waits for the n-th stored deferral, so the clock moves only once its retry time is fixed.</summary>
    private static async Task WaitForDeferralsAsync(HeraldTestHost host, string id, int count)
    {
        for (var i = 0; i < 400; i++)
        {
            if (Timeline.Types(await host.GetMessageAsync(id)).Count(t => t == "deferred") >= count)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new ShouldAssertException($"message {id} was not deferred {count} times: {await host.GetMessageAsync(id)}");
    }
}
