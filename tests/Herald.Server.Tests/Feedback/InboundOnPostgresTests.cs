using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Feedback;

/// <summary>
/// The bounce listener on a node whose store is PostgreSQL. A remote server writes the DSN, NULs included (RFC 3464's
/// fields are text, and nothing stops a broken MTA from sending a byte 0): PostgreSQL's text cannot hold U+0000, so had
/// any of it reached a statement unchanged, the listener would have answered 451 and the sender retried it for days.
/// </summary>
public sealed class InboundOnPostgresTests(PostgresFixture postgres) : HostedHeraldTests, IClassFixture<PostgresFixture>
{
    private protected override async Task<HeraldTestHost> StartHostAsync(int smtpPort) =>
        await HeraldTestHost.StartAsync(smtpPort, await postgres.NewDatabaseSettingsAsync());

    [Fact]
    public async Task A_DSN_with_a_NUL_in_its_recipient_and_diagnostic_is_accepted_and_suspends_the_address()
    {
        var id = (await Host.SendAsync(new { type = "integration-alert", to = "nul@example.com", data = new { integration = "Slack", problem = "x" } }))
            .GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(id, "delivered");
        var returnPath = await BounceMailer.ReturnPathOfAsync(Host, id);

        var dsn = InboundFixtures.Dsn(returnPath, "nul@example.com", "5.1.1", "550 5.1.1 <nul@example.com>: User\0 unknown")
            .Replace("Final-Recipient: rfc822; nul@example.com", "Final-Recipient: rfc822; nul@example.com\0", StringComparison.Ordinal);
        dsn.ShouldContain("nul@example.com\0");
        (await BounceMailer.SendAsync(Host, returnPath, dsn)).ShouldStartWith("250");

        var status = await RecipientStatus.GetAsync(Host, "nul@example.com");
        status.GetProperty("status").GetString().ShouldBe("suspended");
        status.GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("hard-bounce");
        status.GetProperty("suspension").GetProperty("evidence").GetString()!.ShouldContain("User\0 unknown"); // the ledger is JSON: "\u0000"
        Timeline.Last(await Host.GetMessageAsync(id), "bounced").GetProperty("enhancedStatus").GetString().ShouldBe("5.1.1");
    }
}
