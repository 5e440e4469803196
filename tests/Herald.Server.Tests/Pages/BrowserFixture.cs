using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>
/// One headless Chromium per test class (Debian's, at /usr/bin/chromium; .ci/run installs it): each test opens its own
/// context, so cookies never leak between tests. Outside CI a machine without Chromium skips the browser tests, saying
/// so; in CI (CI=true) they must run, so a missing browser fails them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string? Missing { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            Missing = $"Chromium is not installed at {Chromium} (apt-get install chromium)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(Missing + "; in CI the browser tests must run");
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // No sandbox as root (CI runs as root); nothing may reach beyond loopback.
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh context (own cookies) for one test, at phone width when asked; skips the test when there is no browser.</summary>
    public async Task<IPage> NewPageAsync(string baseUrl, bool phone = false)
    {
        Assert.SkipWhen(Browser is null, Missing ?? "no browser");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1100, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
