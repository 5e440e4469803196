using System.Net;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

public sealed class DefaultPreferenceTests
{
    [Fact]
    public async Task A_category_off_by_default_in_the_catalogue_is_skipped_until_the_recipient_turns_it_on()
    {
        await using var host = await HeraldTestHost.StartAsync(smtpPort: null, new Dictionary<string, string?>
        {
            ["Herald:Catalogue:report-submitted:DefaultOn"] = "false",
        });
        await host.CreateAsync("d-1", "digest@example.com");
        var preference = await host.PreferenceAsync("d-1", "report-submissions");
        preference.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        preference.GetProperty("isDefault").GetBoolean().ShouldBeTrue();

        var data = new { report = "R1", submitter = "Bo" };
        var first = await host.WaitForStatusAsync(await host.SendToRecipientAsync("report-submitted", "d-1", data), "skipped");
        Timeline.Last(first, "skipped").GetProperty("detail").GetString()!.ShouldContain("'report-submissions' emails are off by default");

        (await host.SetPreferenceAsync("d-1", "report-submissions", true)).Status.ShouldBe(HttpStatusCode.OK);
        await host.WaitForStatusAsync(await host.SendToRecipientAsync("report-submitted", "d-1", data), "caught");
    }
}
