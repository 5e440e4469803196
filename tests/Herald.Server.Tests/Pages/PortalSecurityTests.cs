using Herald.Server.Tests.Recipients;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>Getting in: links that are expired, reused or forged; forms without their antiforgery token; another user's id.</summary>
public sealed class PortalSecurityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private ScriptedHerald _herald = null!;

    private HeraldTestHost Host => _herald.Host;

    public async ValueTask InitializeAsync()
    {
        _herald = await ScriptedHerald.StartAsync((_, _, _) => null, _time);
        await Host.CreateAsync("u-ana", "ana@example.com");
        await Host.CreateAsync("u-bob", "bob@example.com");
    }

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task An_expired_a_reused_or_a_forged_portal_link_is_refused_and_a_good_one_starts_an_HttpOnly_session_cookie()
    {
        var expired = await Host.PortalLinkAsync("u-ana", minutes: 1);
        var good = await Host.PortalLinkAsync("u-ana");
        _time.Advance(TimeSpan.FromMinutes(2));

        var page = await browser.NewPageAsync(Host.BaseUrl());
        var answer = await page.GotoAsync(expired);
        answer!.Status.ShouldBe(400);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Link not valid");
        await PageChecks.CheckAndShootAsync(page, "link-not-valid");

        var forged = good[..^4] + (good[^4] == 'a' ? "b" : "a") + good[^3..];
        (await page.GotoAsync(forged))!.Status.ShouldBe(400);
        (await page.GotoAsync(Host.BaseUrl() + "/settings/open/not-a-link"))!.Status.ShouldBe(400);
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "herald_settings");

        (await page.GotoAsync(good))!.Status.ShouldBe(200);
        page.Url.ShouldEndWith("/settings/u-ana");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "herald_settings");
        cookie.HttpOnly.ShouldBeTrue();
        cookie.SameSite.ShouldBe(SameSiteAttribute.Lax);
        cookie.Path.ShouldBe("/settings");
        cookie.Expires.ShouldBe(-1); // a session cookie: gone when the browser closes

        var other = await browser.NewPageAsync(Host.BaseUrl());
        (await other.GotoAsync(good))!.Status.ShouldBe(400); // used once already
        (await other.GotoAsync(Host.BaseUrl() + "/settings/u-ana"))!.Url.ShouldEndWith("/settings/signed-out?back=%2Fsettings%2Fu-ana");
        await PageChecks.CheckAndShootAsync(other, "signed-out");
    }

    [Fact]
    public async Task A_POST_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var page = await browser.NewPageAsync(Host.BaseUrl());
        await page.GotoAsync(await Host.PortalLinkAsync("u-ana"));

        // The session cookie goes with the request (same browser context); only the form's token is missing.
        var response = await page.APIRequest.PostAsync("/settings/u-ana/preferences", new() { Form = page.APIRequest.CreateFormData() });
        response.Status.ShouldBe(400);
        var forged = await page.APIRequest.PostAsync("/settings/u-ana/preferences", new()
        {
            Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", "made-up").Set("on", "integrations"),
        });
        forged.Status.ShouldBe(400);
        (await Host.PreferenceAsync("u-ana", "report-actions")).GetProperty("enabled").GetBoolean().ShouldBeTrue();

        // The same form with its token works.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Report notifications" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your preferences are saved.");
        (await Host.PreferenceAsync("u-ana", "report-actions")).GetProperty("enabled").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_user_cannot_see_or_change_another_recipients_data_by_changing_the_id_in_the_URL()
    {
        var page = await browser.NewPageAsync(Host.BaseUrl());
        await page.GotoAsync(await Host.PortalLinkAsync("u-ana"));
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();

        foreach (var path in new[] { "/settings/u-bob", "/settings/u-bob/it?address=bob%40example.com", "/settings/u-nobody", "/settings/u-ana/it?address=bob%40example.com" })
        {
            var answer = await page.GotoAsync(path);
            answer!.Status.ShouldBe(404, path);
            (await page.ContentAsync()).ShouldNotContain("bob@example.com", Case.Insensitive, path);
        }

        // A genuine token of Ana's session does not let her act for Bob either.
        foreach (var (path, field, value) in new[] { ("/settings/u-bob/preferences", "on", "integrations"), ("/settings/u-bob/unblock", "address", "bob@example.com"), ("/settings/u-ana/unblock", "address", "bob@example.com") })
        {
            var response = await page.APIRequest.PostAsync(path, new() { Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set(field, value) });
            response.Status.ShouldBe(404, path);
        }

        (await Host.PreferenceAsync("u-bob", "report-actions")).GetProperty("enabled").GetBoolean().ShouldBeTrue();
        await PageChecks.CheckAndShootAsync(page, "not-found");
    }
}
