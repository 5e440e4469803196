using Herald.Server.Access;
using Herald.Server.Tests.Feedback;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>The support console: sign in, find an address, lift a complaint with a note, see it in the history.</summary>
public sealed class ConsolePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private ScriptedHerald _herald = null!;

    public async ValueTask InitializeAsync()
    {
        _herald = await ScriptedHerald.StartAsync((_, _, _) => null);
        (await _herald.Host.Services.GetRequiredService<OperatorAccounts>().AddAsync("sam", Password, CancellationToken.None)).ShouldBeNull();
    }

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task An_operator_signs_in_finds_the_address_lifts_a_complaint_with_a_note_and_the_history_shows_it()
    {
        var host = _herald.Host;
        var id = (await host.SendAsync(new { type = "integration-alert", to = "angry@example.com", data = new { integration = "Slack", problem = "x" } })).GetProperty("id").GetString()!;
        await host.WaitForStatusAsync(id, "delivered");
        var returnPath = await BounceMailer.ReturnPathOfAsync(host, id);
        (await BounceMailer.SendAsync(host, returnPath, InboundFixtures.Complaint(returnPath, "angry@example.com"))).ShouldStartWith("250");
        await RecipientStatus.WaitForAsync(host, "angry@example.com", "suspended");

        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync("/console");
        page.Url.ShouldContain("/console/sign-in");
        await PageChecks.CheckAndShootAsync(page, "console-sign-in");
        await page.GetByLabel("User name").FillAsync("sam");
        await page.GetByLabel("Password").FillAsync("wrong password!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user name or the password is wrong.");
        await page.GetByLabel("User name").FillAsync("sam");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByLabel("Address, recipient id or message id").FillAsync("angry@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".box-suspended")).ToContainTextAsync("complaint");
        await page.GetByLabel("Note (required").FillAsync("ticket 4711: the complaint was a mistake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lift the suspension" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Lifted the suspension of angry@example.com");
        var audit = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "operator-removed" });
        await Assertions.Expect(audit).ToContainTextAsync("operator:sam");
        await Assertions.Expect(audit).ToContainTextAsync("ticket 4711: the complaint was a mistake");
        (await RecipientStatus.GetAsync(host, "angry@example.com")).GetProperty("status").GetString().ShouldBe("ok");
        await PageChecks.CheckAndShootAsync(page, "console-address");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        page.Url.ShouldContain("/console/sign-in");
        await page.GotoAsync("/console?q=angry%40example.com");
        page.Url.ShouldContain("/console/sign-in");
    }
}
