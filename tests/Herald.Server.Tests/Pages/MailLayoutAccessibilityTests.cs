using Herald.Server.Tests.Support;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>
/// A rendered email in a browser: axe-core finds no serious or critical issue in the layout, light or dark, and at
/// phone width the card fills the screen instead of overflowing it.
/// </summary>
public sealed class MailLayoutAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private HeraldTestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await HeraldTestHost.StartAsync(smtpPort: null);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("magic-code")]
    [InlineData("report-rejected")]
    public async Task A_rendered_email_passes_axe_in_light_and_dark_mode_and_fits_a_phone(string type)
    {
        var html = await _host.Http.GetStringAsync($"/dev/templates/{type}/html");
        var page = await browser.NewPageAsync(_host.BaseUrl(), phone: true);
        await page.SetContentAsync(html);

        await PageChecks.CheckAndShootAsync(page, $"mail-{type}");
        var width = await page.EvaluateAsync<int>("document.querySelector('.hd-card').getBoundingClientRect().width");
        width.ShouldBeLessThanOrEqualTo(390, "the card fits a 390 px wide phone");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.hd-card')).backgroundColor")).ShouldBe("rgb(27, 31, 39)");
        await PageChecks.CheckAndShootAsync(page, $"mail-{type}-dark");
    }
}
