using Herald.Core.Events;
using Herald.Core.Messages;
using Herald.Core.Queue;

namespace Herald.Bench.Storage;

/// <summary>Messages shaped like real notifications: ~200 bytes of template data with one secret field.</summary>
internal static class BenchMessages
{
    private static readonly string[] Secrets = ["reset_link"];

    public static NewMessage New(int i, DateTimeOffset now) => new(
        $"msg_{i:D9}",
        "password-reset",
        "transactional",
        (Priority)(i % 3),
        $"User{i % 5000}@Example.test",
        $$"""{"name":"User {{i}}","product":"Herald","reset_link":"https://app.example.test/reset/{{Guid.NewGuid():N}}","expires_in":"30 minutes"}""",
        Secrets,
        i % 4 == 0 ? $"idem-{i}" : null,
        "sha256-0123456789abcdef",
        now,
        now.AddDays(2),
        $"<msg_{i:D9}@herald.example.test>",
        $"b-{i:D9}",
        "default");

    public static DeliveryEvent Accepted(NewMessage m) => new(m.Id, m.CreatedAt, EventType.Accepted);

    public static JobTransition Delivered(DeliveryJob job, DateTimeOffset now) => new(
        MessageStatus.Delivered,
        null,
        [
            new DeliveryEvent(job.Message.Id, now, EventType.Attempt, job.Attempt, "default", "mx.example.test"),
            new DeliveryEvent(job.Message.Id, now, EventType.Delivered, job.Attempt, "default", "mx.example.test", 250, "2.0.0", "250 2.0.0 Ok: queued as 4Bq", DurationMs: 12),
        ],
        PurgeSecrets: true);
}
