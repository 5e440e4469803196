using System.CommandLine;
using Herald.Cli.Tests.Support;
using Herald.Core.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Cli.Tests.Webhooks;

/// <summary>
/// <c>herald webhooks</c> against a real Herald on 127.0.0.1 whose endpoint refuses connections (port 9 on 127.0.0.1, nothing
/// listens): an event whose last attempt failed is a dead letter, listed with its attempt and replayed.
/// </summary>
public sealed class WebhooksCommandTests : IAsyncLifetime
{
    private readonly InProcessHerald _herald = new();

    public async ValueTask InitializeAsync() => await _herald.StartAsync(new()
    {
        ["Herald:Feedback:Webhooks:app:Url"] = "http://127.0.0.1:9/hooks",
        ["Herald:Feedback:Webhooks:app:Secret"] = "whsec_" + Convert.ToBase64String(new byte[32]),
    });

    public async ValueTask DisposeAsync() => await _herald.DisposeAsync();

    [Fact]
    public async Task List_deliveries_and_replay_show_the_dead_letter_with_its_attempts_then_make_it_due_again()
    {
        var seq = await DeadLetterAsync();

        var (code, output, error) = await Run("webhooks", "list", "--server", _herald.Url);
        code.ShouldBe(0, error);
        output.ShouldContain("app");
        output.ShouldContain("dead letters 1");

        (code, output, error) = await Run("webhooks", "deliveries", "app", "--state", "dead", "--server", _herald.Url);
        code.ShouldBe(0, error);
        output.ShouldContain($"{seq}  dead");
        output.ShouldContain("evt_cli");
        output.ShouldContain("failed    - Connection refused");

        (code, _, error) = await Run("webhooks", "replay", "app", "--server", _herald.Url);
        code.ShouldNotBe(0, "neither --id nor --all");

        (code, output, error) = await Run("webhooks", "replay", "app", "--id", seq.ToString(System.Globalization.CultureInfo.InvariantCulture), "--server", _herald.Url);
        code.ShouldBe(0, error);
        output.ShouldContain("1 dead letter(s) due again for app");

        (code, output, error) = await Run("webhooks", "replay", "app", "--all", "--server", _herald.Url);
        code.ShouldBe(0, error);
        output.ShouldContain("dead letter(s) due again for app", Case.Sensitive, "0 or 1: the worker may already have failed the replayed one again");
    }

    private async Task<long> DeadLetterAsync()
    {
        var store = _herald.Services.GetRequiredService<IFeedbackStore>();
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        await store.UpdateAsync(new LedgerUpdate<bool>("a@example.com",
            (ledger, _) => (new LedgerDecision(ledger, [], [new FeedbackNotice("suppressed", "a@example.com", at, null, "hard-bounce", null)]), true),
            null, [], _ => [new OutboxMessage(0, "evt_cli", "app", "suppressed", """{"type":"address.suppressed"}""", at, 0)]), CancellationToken.None);
        // The schedule's last attempt, recorded as the worker does (an hour ahead, so the claim wins over the worker's own).
        var row = (await store.ClaimWebhooksAsync(new WebhookClaim("cli-test", 10, DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(5)),
            CancellationToken.None)).Single();
        (await store.WebhookAttemptedAsync(new WebhookAttemptRecord(row.Seq, "cli-test", new WebhookAttempt(at, false, null, "Connection refused"), null),
            CancellationToken.None)).ShouldBeTrue();
        return row.Seq;
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HeraldCommand.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }
}
