using Herald.Core.Feedback;
using Herald.Server.Access;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Herald.Server.Tests.Pages;

/// <summary>
/// The console's webhook deliveries: an endpoint that always answers 500 (a real Kestrel on 127.0.0.1) has a dead letter;
/// the operator finds it with its attempts, replays it with the button, and a POST without the form's token is refused.
/// </summary>
public sealed class ConsoleWebhookTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private WebhookReceiver _receiver = null!;
    private ScriptedHerald _herald = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _herald = await ScriptedHerald.StartAsync((_, _, _) => null, settings: _receiver.Endpoint("app", "/broken", new byte[32]));
        (await _herald.Host.Services.GetRequiredService<OperatorAccounts>().AddAsync("sam", Password, CancellationToken.None)).ShouldBeNull();
    }

    public async ValueTask DisposeAsync()
    {
        await _herald.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_sees_a_dead_letter_with_its_attempts_and_replays_it()
    {
        var host = _herald.Host;
        var store = host.Services.GetRequiredService<IFeedbackStore>();
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        await store.UpdateAsync(new LedgerUpdate<bool>("a@example.com",
            (ledger, _) => (new LedgerDecision(ledger, [], [new FeedbackNotice("suppressed", "a@example.com", at, null, "hard-bounce", null)]), true),
            null, [], _ => [new OutboxMessage(0, "evt_console", "app", "suppressed", """{"type":"address.suppressed"}""", at, 0)]), CancellationToken.None);
        await DeadLetterAsync(store);
        var before = _receiver.Calls.Count;

        var page = await browser.NewPageAsync(host.BaseUrl());
        await page.GotoAsync("/console");
        await page.GetByLabel("User name").FillAsync("sam");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Webhook deliveries" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "app", Exact = true }).ClickAsync();

        var row = page.Locator("tr.webhook-dead");
        await Assertions.Expect(row).ToContainTextAsync("evt_console");
        await Assertions.Expect(row).ToContainTextAsync("failed (HTTP 500)");
        await PageChecks.CheckAndShootAsync(page, "console-webhooks");

        // The session cookie goes with the request (same browser context); only the form's token is missing.
        var forged = await page.APIRequest.PostAsync("/console/webhooks/replay", new() { Form = page.APIRequest.CreateFormData().Set("endpoint", "app") });
        forged.Status.ShouldBe(400);

        await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Replayed 1 dead letter(s) to app");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_receiver.Calls.Count == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        _receiver.Calls.Count.ShouldBe(before + 1, "the replay is sent at once");
    }

    [Fact]
    public async Task The_address_pane_lists_the_webhook_deliveries_about_that_address_and_no_one_elses()
    {
        var page = await browser.NewPageAsync(_herald.Host.BaseUrl());
        await page.GotoAsync("/console");
        await page.GetByLabel("User name").FillAsync("sam");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await SearchAsync(page, "other@example.com");
        await SuspendAsync(page, "a mailbox the customer closed");
        // A '+' is what System.Text.Json escapes in the payload: the pane must still find the row.
        await SearchAsync(page, "ann+news@example.com");
        await SuspendAsync(page, "asked by the customer on the phone");

        var deliveries = page.Locator("table.address-webhooks tbody tr");
        await Assertions.Expect(deliveries).ToHaveCountAsync(1);
        await Assertions.Expect(deliveries).ToContainTextAsync("suppressed");
        await deliveries.GetByRole(AriaRole.Link, new() { Name = "app", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deliveries to app" })).ToBeVisibleAsync();
        await page.GotoAsync("/console?q=" + Uri.EscapeDataString("ann+news@example.com"));
        await PageChecks.CheckAndShootAsync(page, "console-address-webhooks");
    }

    private static async Task SearchAsync(IPage page, string query)
    {
        await page.GetByLabel("Address, recipient id or message id").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    private static async Task SuspendAsync(IPage page, string note)
    {
        await page.GetByLabel("Note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend this address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lift the suspension" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Records the schedule's last attempt as the worker does (an hour ahead, so the claim wins over the worker's own
    /// lease or backoff): the endpoint answered 500 and nothing comes next.
    /// </summary>
    private static async Task DeadLetterAsync(IFeedbackStore store)
    {
        var row = (await store.ClaimWebhooksAsync(new WebhookClaim("console-test", 10, DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(5)),
            CancellationToken.None)).Single();
        (await store.WebhookAttemptedAsync(new WebhookAttemptRecord(row.Seq, "console-test", new WebhookAttempt(DateTimeOffset.UtcNow, false, 500, "HTTP 500"), null),
            CancellationToken.None)).ShouldBeTrue();
    }
}
