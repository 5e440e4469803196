using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Herald.Testing;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>What every page visit checks: axe-core finds no serious or critical issue; and the screenshot for docs/pages.md.</summary>
internal static class PageChecks
{
    /// <summary>
    /// docs/pages when HERALD_UPDATE_SCREENSHOTS=1 (how docs/pages.md is refreshed), else a temporary folder: every run
    /// still takes each screenshot, but a plain test run does not rewrite the committed PNGs (they show dates).
    /// </summary>
    public static string ShotsFolder { get; } = Environment.GetEnvironmentVariable("HERALD_UPDATE_SCREENSHOTS") == "1"
        ? Path.Combine(RepoPaths.Root, "docs", "pages")
        : Path.Combine(Path.GetTempPath(), "herald-page-screenshots");

    /// <summary>Runs axe-core (bundled by Deque.AxeCore.Playwright, injected into the page) against WCAG 2.x A and AA rules.</summary>
    public static async Task AccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        bad.ShouldBeEmpty($"axe-core on {page.Url}");
    }

    /// <summary>Checks the page and saves its full-page PNG as <paramref name="name"/>.png in <see cref="ShotsFolder"/>.</summary>
    public static async Task CheckAndShootAsync(IPage page, string name)
    {
        await AccessibleAsync(page);
        Directory.CreateDirectory(ShotsFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsFolder, name + ".png"), FullPage = true });
    }
}
