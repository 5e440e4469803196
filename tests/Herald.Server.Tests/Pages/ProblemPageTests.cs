using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Herald.Testing.Smtp;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>The gray box: a security gateway's refusal shown verbatim, and the printable page for the user's IT department.</summary>
public sealed class ProblemPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Mimecast = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [Fu5SAnG1M_Ox3Ak8a4Fh3Q.uk101]";

    private readonly DkimTestKey _dkim = new("mail.herald.localhost", "s1");
    private ScriptedHerald _herald = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) =>
        recipient.EndsWith("@mimecast.example", StringComparison.Ordinal) && verb == "RCPT" ? new ServerAction.Reply(Mimecast) : null;

    public async ValueTask InitializeAsync() =>
        _herald = await ScriptedHerald.StartAsync(Rules, settings: _dkim.Settings(("Herald:Pages:SendingHosts:0", "203.0.113.25"), ("Herald:Pages:SendingHosts:1", "mx-out.herald.example")));

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task The_gray_box_shows_a_Mimecast_rejection_verbatim_and_the_IT_page_lists_the_configured_domains()
    {
        var host = _herald.Host;
        await host.CreateAsync("u-ana", "ana@mimecast.example");
        await host.WaitForStatusAsync(await host.SendToRecipientAsync("integration-alert", "u-ana", new { integration = "Slack", problem = "token expired" }), "deferred");
        await RecipientStatus.WaitForAsync(host, "ana@mimecast.example", "problem");

        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync(await host.PortalLinkAsync("u-ana"));
        var box = page.Locator(".box-problem");
        await Assertions.Expect(box.Locator(".raw")).ToHaveTextAsync(Mimecast);
        await Assertions.Expect(box).ToContainTextAsync("Your IT department or email provider");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We're having trouble emailing you");
        await PageChecks.CheckAndShootAsync(page, "settings-problem");

        await box.GetByRole(AriaRole.Link, new() { Name = "A page for your IT department" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("For your IT department");
        await Assertions.Expect(page.Locator(".raw")).ToHaveTextAsync(Mimecast);
        var facts = page.Locator("dl.facts");
        await Assertions.Expect(facts).ToContainTextAsync("herald.localhost");          // the From domain of the catalogue's sender
        await Assertions.Expect(facts).ToContainTextAsync("bounces.herald.localhost");  // the envelope (bounce) domain
        await Assertions.Expect(facts).ToContainTextAsync("mail.herald.localhost");     // the DKIM d= domain
        await Assertions.Expect(facts).ToContainTextAsync("203.0.113.25");
        await Assertions.Expect(facts).ToContainTextAsync("mx-out.herald.example");
        await PageChecks.CheckAndShootAsync(page, "it-department");
    }
}
