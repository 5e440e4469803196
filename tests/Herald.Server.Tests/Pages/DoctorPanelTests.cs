using Herald.Server.Access;
using Herald.Server.Tests.Doctor;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>
/// The doctor's panel ("What may stop these emails") on the user's settings page and in the support console's address
/// pane: the ranked causes with who must act and the next step, from a real Herald asking a real DNS server on 127.0.0.1.
/// </summary>
public sealed class DoctorPanelTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string Mimecast = "550 5.7.1 Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550 [Fu5SAnG1M_Ox3Ak8a4Fh3Q.uk101]";

    private static readonly string[] Zone =
    [
        "nullmx.test MX 0 .",
        "behind-mimecast.test MX 10 eu-smtp-inbound-1.mimecast.com",
    ];

    private DoctorEnvironment _env = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) =>
        recipient.EndsWith("@behind-mimecast.test", StringComparison.Ordinal) && verb == "RCPT" ? new ServerAction.Reply(Mimecast) : null;

    public async ValueTask InitializeAsync()
    {
        _env = await DoctorEnvironment.StartAsync(Zone, smtp: Rules);
        (await _env.Host.Services.GetRequiredService<OperatorAccounts>().AddAsync("sam", Password, CancellationToken.None)).ShouldBeNull();
    }

    public async ValueTask DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task The_settings_page_ranks_a_domain_that_takes_no_mail_above_a_turned_off_preference_each_with_who_acts_and_the_next_step()
    {
        var host = _env.Host;
        await host.CreateAsync("u-nullmx", "ana@nullmx.test");
        await host.SetPreferenceAsync("u-nullmx", "report-actions", false);

        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync(await host.PortalLinkAsync("u-nullmx"));

        var panel = page.Locator("section.doctor");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "What may stop these emails" })).ToBeVisibleAsync();
        var causes = panel.Locator("li[data-cause]");
        await Assertions.Expect(causes).ToHaveCountAsync(2);
        await Assertions.Expect(causes.Nth(0)).ToHaveAttributeAsync("data-cause", "domain-accepts-no-mail");
        await Assertions.Expect(causes.Nth(0)).ToContainTextAsync("nullmx.test declares that it accepts no email");
        await Assertions.Expect(Fact(causes.Nth(0), "Who must act")).ToHaveTextAsync("You");
        await Assertions.Expect(Fact(causes.Nth(0), "Next step")).ToContainTextAsync("Use another address");
        await Assertions.Expect(causes.Nth(0).Locator(".raw")).ToContainTextAsync("MX 0 .");
        await Assertions.Expect(causes.Nth(1)).ToHaveAttributeAsync("data-cause", "preference-off");
        await Assertions.Expect(causes.Nth(1)).ToContainTextAsync("Turned off in the email settings: Report notifications");
        // Not "we can email this address" above a domain that takes no mail.
        await Assertions.Expect(page.GetByText("We can email this address.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("something may stop our emails")).ToBeVisibleAsync();
        await Assertions.Expect(Fact(causes.Nth(1), "Next step")).ToContainTextAsync("Turn them back on");
        await PageChecks.CheckAndShootAsync(page, "settings-doctor");
    }

    [Fact]
    public async Task The_console_address_pane_shows_a_domain_incident_first_naming_the_recipients_IT_and_the_kit()
    {
        var host = _env.Host;
        foreach (var who in new[] { "ana", "bo", "cy" })
        {
            await host.WaitForStatusAsync(await _env.SendAsync($"{who}@behind-mimecast.test"), "deferred");
        }

        await Feedback.RecipientStatus.WaitForAsync(host, "cy@behind-mimecast.test", "problem");

        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync("/console");
        await page.GetByLabel("User name").FillAsync("sam");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Address, recipient id or message id").FillAsync("cy@behind-mimecast.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var panel = page.Locator("section.doctor");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Level = 3, Name = "What may stop these emails" })).ToBeVisibleAsync();
        var first = panel.Locator("li[data-cause]").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-cause", "domain-incident");
        await Assertions.Expect(first).ToContainTextAsync("3 addresses at behind-mimecast.test hit the same block");
        await Assertions.Expect(Fact(first, "Who must act")).ToHaveTextAsync("The recipient's IT department or email provider");
        await Assertions.Expect(Fact(first, "Next step")).ToContainTextAsync("herald doctor cy@behind-mimecast.test --kit");
        await Assertions.Expect(first.Locator(".raw")).ToContainTextAsync("mimecast.com");
        // The message still being retried follows, for nobody to act on.
        var deferred = panel.Locator("li[data-cause='deferred']");
        await Assertions.Expect(Fact(deferred, "Who must act")).ToHaveTextAsync("Nobody: it should clear by itself");
        await PageChecks.CheckAndShootAsync(page, "console-doctor");
    }

    /// <summary>The value after the term <paramref name="term"/> in a cause's facts list.</summary>
    private static ILocator Fact(ILocator cause, string term) =>
        cause.Locator($"dl.facts dt:text-is('{term}') + dd");
}
