using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Herald.Testing.Smtp;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>The yellow box: a hard-bounced address, its Unblock button, and the refusal with a date on a second try.</summary>
public sealed class SuspendedAddressTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private ScriptedHerald _herald = null!;

    private static ServerAction? Rules(string recipient, string verb, int count) => (recipient.Split('@')[0], verb) switch
    {
        ("typo", "RCPT") => new ServerAction.Reply($"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown in virtual mailbox table"),
        _ => null,
    };

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync(Rules);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task A_hard_bounced_user_sees_the_banner_and_the_yellow_box_unblocks_and_is_refused_with_a_date_on_a_second_try()
    {
        var host = _herald.Host;
        await host.CreateAsync("u-typo", "typo@example.com");
        var first = await host.SendToRecipientAsync("integration-alert", "u-typo", new { integration = "Slack", problem = "token expired" });
        await host.WaitForStatusAsync(first, "failed");
        await RecipientStatus.WaitForAsync(host, "typo@example.com", "suspended");

        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync(await host.PortalLinkAsync("u-typo"));

        page.Url.ShouldEndWith("/settings/u-typo");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We're having trouble emailing you");
        var box = page.Locator(".box-suspended");
        await Assertions.Expect(box).ToContainTextAsync("Temporarily suspended emails");
        await Assertions.Expect(box.Locator(".raw")).ToContainTextAsync("550 5.1.1 <typo@example.com>: Recipient address rejected");
        await PageChecks.CheckAndShootAsync(page, "settings-suspended");

        await box.GetByRole(AriaRole.Button, new() { Name = "Unblock typo@example.com" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent a test email to typo@example.com");

        // The verification email hard-bounces too: suspended again, and this time the owner must wait.
        await RecipientStatus.WaitForAsync(host, "typo@example.com", "suspended");
        await page.GotoAsync("/settings/u-typo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unblock typo@example.com" }).ClickAsync();
        var refusal = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(refusal).ToContainTextAsync("You can try again after");
        await Assertions.Expect(refusal).ToContainTextAsync(DateTimeOffset.UtcNow.AddDays(7).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await PageChecks.CheckAndShootAsync(page, "settings-unblock-refused");
    }
}
