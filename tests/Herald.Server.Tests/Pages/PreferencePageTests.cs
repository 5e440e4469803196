using System.Text.RegularExpressions;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>Contact preferences: a box per category with the catalogue's names, locked ones with their reason, and the email link.</summary>
public sealed partial class PreferencePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly object Report = new { report = "Q3 travel", approver = "Bea" };

    private ScriptedHerald _herald = null!;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync((_, _, _) => null);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task A_user_turns_off_report_notifications_the_next_report_is_skipped_and_listed_and_sign_in_codes_stay_locked()
    {
        var host = _herald.Host;
        await host.CreateAsync("u-reports", "reports@example.com");
        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync(await host.PortalLinkAsync("u-reports"));

        var signIn = page.GetByRole(AriaRole.Checkbox, new() { Name = "Sign-in codes" });
        await Assertions.Expect(signIn).ToBeCheckedAsync();
        await Assertions.Expect(signIn).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#pref-sign-in-why")).ToContainTextAsync("cannot be turned off");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Report notifications" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your preferences are saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Report notifications" })).Not.ToBeCheckedAsync();

        var skipped = await host.SendToRecipientAsync("report-approved", "u-reports", Report);
        await host.WaitForStatusAsync(skipped, "skipped");
        await page.GotoAsync("/settings/u-reports");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Report approved" });
        await Assertions.Expect(row).ToContainTextAsync("Skipped because you turned these emails off");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Turn it back on" })).ToHaveAttributeAsync("href", "#pref-report-actions");
        await PageChecks.CheckAndShootAsync(page, "settings-preferences");
    }

    [Fact]
    public async Task The_settings_link_in_an_opt_out_email_opens_that_recipients_preferences_only()
    {
        var host = _herald.Host;
        await host.CreateAsync("u-link", "link@example.com");
        await host.WaitForStatusAsync(await host.SendToRecipientAsync("integration-alert", "u-link", new { integration = "Slack", problem = "token expired" }), "delivered");
        var mail = await _herald.Smtp.WaitForMailAsync("link@example.com");
        var url = SettingsLink().Match(mail.TextBody!).Value;
        url.ShouldNotBeEmpty(mail.TextBody);
        mail.HtmlBody!.ShouldContain("Manage your email settings");

        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync(new Uri(url).PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contact preferences");
        (await page.ContentAsync()).ShouldNotContain("link@example.com"); // preferences only: no addresses, no messages
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Integration alerts" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your preferences are saved.");
        await PageChecks.CheckAndShootAsync(page, "email-settings-link");

        (await host.PreferenceAsync("u-link", "integrations")).GetProperty("enabled").GetBoolean().ShouldBeFalse();
        (await host.PreferenceAsync("u-link", "integrations")).GetProperty("source").GetString().ShouldBe("email-link");
    }

    [GeneratedRegex(@"https?://\S+/preferences/[A-Za-z0-9_.-]+")]
    private static partial Regex SettingsLink();
}
