using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>The pages behind email links in the same look, with display names, and the settings page at phone width.</summary>
public sealed class EveryPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private ScriptedHerald _herald = null!;

    public async ValueTask InitializeAsync() => _herald = await ScriptedHerald.StartAsync((_, _, _) => null);

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task The_unsubscribe_and_verification_pages_use_display_names_and_pass_the_accessibility_scan()
    {
        var host = _herald.Host;
        await host.CreateAsync("u-pages", "pages@example.com");
        await host.WaitForStatusAsync(await host.SendToRecipientAsync("report-approved", "u-pages", new { report = "Q3", approver = "Bea" }), "delivered");
        var page = await browser.NewPageAsync(host.BaseUrl());

        await page.GotoAsync(RecipientClient.UnsubscribePath(await _herald.Smtp.WaitForMailAsync("pages@example.com")));
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Stop receiving Report notifications?");
        await PageChecks.CheckAndShootAsync(page, "unsubscribe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("You will no longer receive Report notifications");
        await PageChecks.CheckAndShootAsync(page, "unsubscribed");

        (await host.RequestVerificationAsync("u-pages", "pages@example.com")).Status.ShouldBe(System.Net.HttpStatusCode.Accepted);
        var verification = await _herald.Smtp.WaitForMailAsync("pages@example.com", 2);
        await page.GotoAsync(RecipientClient.VerifyPath(verification));
        await PageChecks.CheckAndShootAsync(page, "verify");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("pages@example.com is confirmed");
        await PageChecks.CheckAndShootAsync(page, "verified");
    }

    [Fact]
    public async Task The_settings_page_is_readable_and_usable_by_keyboard_at_phone_width()
    {
        var host = _herald.Host;
        await host.CreateAsync("u-phone", "phone@example.com", "second@example.com");
        await host.WaitForStatusAsync(await host.SendToRecipientAsync("magic-code", "u-phone", new { code = "123456" }), "delivered");
        var page = await browser.NewPageAsync(host.BaseUrl(), phone: true);
        await page.GotoAsync(await host.PortalLinkAsync("u-phone"));

        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390); // no sideways scrolling
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sign-in code" })).ToContainTextAsync("Delivered");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sign-in code" })).Not.ToContainTextAsync("123456");

        // Keyboard only: the first Tab reaches the skip link, and the re-send button is reachable and works with Enter.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        var resend = page.GetByRole(AriaRole.Button, new() { Name = "Re-send verification email second@example.com" });
        await resend.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We sent a new verification email to second@example.com");
        await PageChecks.CheckAndShootAsync(page, "settings-phone");
    }
}
