using Herald.Server.Recipients;
using Herald.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Server.Tests.Recipients;

/// <summary>
/// The preference gate, the unsubscribe headers and the footer's settings link share one read of the recipient per
/// attempt; the next attempt (a message read anew) reads again, so a change made in between counts.
/// </summary>
public sealed class AttemptRecipientsTests : HostedHeraldTests
{
    [Fact]
    public async Task The_recipient_is_read_once_per_attempt_and_again_for_the_next_one()
    {
        var sent = await Host.SendAsync(new { type = "report-approved", to = "later@example.com", data = new { report = "Q3", approver = "Bo" } });
        var id = sent.GetProperty("id").GetString()!;
        await Host.WaitForStatusAsync(id, "delivered");
        var recipients = Host.Services.GetRequiredService<AttemptRecipients>();

        var attempt = (await Host.Store.GetAsync(id, CancellationToken.None)).ShouldNotBeNull();
        var first = recipients.ForAsync(attempt, CancellationToken.None);
        recipients.ForAsync(attempt, CancellationToken.None).ShouldBeSameAs(first);
        (await first).ShouldBeNull();

        await Host.CreateAsync("u-later", "later@example.com");
        (await recipients.ForAsync(attempt, CancellationToken.None)).ShouldBeNull("the same attempt keeps what it read");
        var next = (await Host.Store.GetAsync(id, CancellationToken.None)).ShouldNotBeNull();
        (await recipients.ForAsync(next, CancellationToken.None)).ShouldNotBeNull().Id.ShouldBe("u-later");
    }
}
