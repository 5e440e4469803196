using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;

namespace Herald.Storage.Tests.Contract;

/// <summary>Builders for the contract tests: one obvious default, every field overridable.</summary>
internal static class TestMessages
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static NewMessage New(
        string id,
        string to = "alice@example.test",
        Priority priority = Priority.Normal,
        DateTimeOffset? createdAt = null,
        string? idempotencyKey = null,
        string requestHash = "hash-1",
        string dataJson = """{"name":"Alice"}""",
        IReadOnlyList<string>? secretFields = null)
    {
        var created = createdAt ?? T0;
        return new NewMessage(
            id, "password-reset", "transactional", priority, to, dataJson, secretFields ?? [], idempotencyKey, requestHash,
            created, created.AddDays(2), $"<{id}@herald.test>", $"b-{id}", "default");
    }

    public static DeliveryEvent Accepted(NewMessage m) => new(m.Id, m.CreatedAt, EventType.Accepted);

    public static async Task<StoredMessage> EnqueueAsync(this IDeliveryQueue queue, NewMessage m)
    {
        var result = await queue.EnqueueAsync(m, Accepted(m), m.CreatedAt.AddDays(-1), CancellationToken.None);
        return result.ShouldBeOfType<EnqueueResult.Created>().Message;
    }

    public static Task<IReadOnlyList<DeliveryJob>> ClaimAsync(
        this IDeliveryQueue queue, DateTimeOffset now, int max = 10, Priority lowest = Priority.Bulk, string owner = "worker-1") =>
        queue.ClaimAsync(new ClaimRequest(owner, max, lowest, now, TimeSpan.FromMinutes(5)), CancellationToken.None);

    public static JobTransition Delivered(DeliveryJob job, DateTimeOffset at, bool purge = true) => new(
        MessageStatus.Delivered,
        null,
        [
            new DeliveryEvent(job.Message.Id, at, EventType.Attempt, Attempt: job.Attempt, RemoteHost: "mx.example.test"),
            new DeliveryEvent(job.Message.Id, at.AddMilliseconds(40), EventType.Delivered, Attempt: job.Attempt, SmtpCode: 250, EnhancedStatus: "2.0.0", Reply: "250 2.0.0 Ok: queued", DurationMs: 40),
        ],
        purge);

    public static JobTransition Deferred(DeliveryJob job, DateTimeOffset at, DateTimeOffset next) => new(
        MessageStatus.Deferred,
        next,
        [new DeliveryEvent(job.Message.Id, at, EventType.Deferred, Attempt: job.Attempt, SmtpCode: 451, Reply: "451 4.7.1 try later", NextAttemptAt: next)],
        false);

    /// <summary>Record equality compares the SecretFields list by reference; compare its items instead.</summary>
    /// <summary>
    /// Remote text as it was written, from what a store read back: a store that cannot hold a NUL (PostgreSQL) keeps
    /// U+FFFD in its place.
    /// </summary>
    public static string? AsWritten(string? stored) => stored?.Replace('\uFFFD', '\0');

    public static void ShouldBeSameMessage(this StoredMessage? actual, StoredMessage? expected)
    {
        expected.ShouldNotBeNull();
        actual.ShouldNotBeNull();
        actual.SecretFields.ShouldBe(expected.SecretFields);
        (actual with { SecretFields = expected.SecretFields }).ShouldBe(expected);
    }
}
