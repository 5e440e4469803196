using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Server.Tests.Pages;
using Herald.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace Herald.Server.Tests.Samples;

/// <summary>
/// samples/SignInSample end to end: a real Herald (development mailbox) and the sample, both on 127.0.0.1, driven by
/// Chromium as its user would: ask for a code, read it from the mail Herald caught, sign in, open the email settings;
/// then the address is suspended and the sample shows Herald's banner.
/// </summary>
public sealed partial class SignInSampleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private HeraldTestHost _herald = null!;
    private WebApplication _sample = null!;
    private string _sampleUrl = "";

    public async ValueTask InitializeAsync()
    {
        _herald = await HeraldTestHost.StartAsync(smtpPort: null);
        _sample = SignInSample.SignInApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Herald:Url={_herald.BaseUrl()}",
            // The application's own key, as `herald keys create` prints it; the test host's has every scope.
            $"--Herald:ApiKey={_herald.Http.DefaultRequestHeaders.Authorization!.Parameter}",
        ]);
        await _sample.StartAsync();
        _sampleUrl = _sample.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        await _sample.StopAsync();
        await _sample.DisposeAsync();
        await _herald.DisposeAsync();
    }

    [Fact]
    public async Task A_user_signs_in_with_the_code_Herald_emailed_opens_their_email_settings_and_sees_the_banner_once_suspended()
    {
        var page = await browser.NewPageAsync(_sampleUrl);
        await page.GotoAsync("/");
        page.Url.ShouldContain("/sign-in");
        await page.GetByLabel("Email address").FillAsync("ana@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a code" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Enter your code");

        await page.GetByLabel("Sign-in code").FillAsync(await CaughtCodeAsync("ana@example.com"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Signed in as ana@example.com");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await PageChecks.AccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Email settings" }).ClickAsync();
        page.Url.ShouldStartWith(_herald.BaseUrl() + "/settings/u-");
        await Assertions.Expect(page.GetByText("ana@example.com").First).ToBeVisibleAsync();

        // Support suspends the address (as after a hard bounce): the application's next page view shows Herald's banner.
        using (var suspend = await _herald.Http.PostAsJsonAsync("/v1/suppressions", new { address = "ana@example.com", @operator = "sam", note = "mailbox gone" }))
        {
            suspend.IsSuccessStatusCode.ShouldBeTrue(await suspend.Content.ReadAsStringAsync());
        }

        await page.GotoAsync(_sampleUrl);
        var banner = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(banner).ToContainTextAsync("We're having trouble emailing you");
        (await banner.GetByRole(AriaRole.Link).GetAttributeAsync("href")).ShouldStartWith(_herald.BaseUrl() + "/settings/open/");
        await PageChecks.AccessibleAsync(page);
    }

    [Fact]
    public async Task A_wrong_code_does_not_sign_in()
    {
        var page = await browser.NewPageAsync(_sampleUrl);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync("bo@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a code" }).ClickAsync();
        var code = await CaughtCodeAsync("bo@example.com");

        await page.GetByLabel("Sign-in code").FillAsync(code == "000000" ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That code is not right or no longer works.");
    }

    /// <summary>Reads the sign-in code from the mail Herald's development mailbox caught for <paramref name="address"/>.</summary>
    private async Task<string> CaughtCodeAsync(string address)
    {
        for (var i = 0; i < 400; i++)
        {
            var items = await _herald.Http.GetFromJsonAsync<JsonElement>("/dev/mailbox");
            foreach (var item in items.EnumerateArray().Where(m => m.GetProperty("rcptTo").EnumerateArray().Any(r => r.GetString() == address)))
            {
                await using var raw = await _herald.Http.GetStreamAsync(item.GetProperty("raw").GetString());
                var mail = await MimeMessage.LoadAsync(raw);
                if (Code().Match(mail.TextBody ?? "") is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
            }

            await Task.Delay(50);
        }

        throw new ShouldAssertException($"no sign-in code for {address} reached the development mailbox");
    }

    [GeneratedRegex(@"Your sign-in code is (\d{6})\.")]
    private static partial Regex Code();
}
