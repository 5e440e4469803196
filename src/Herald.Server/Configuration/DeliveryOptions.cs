namespace Herald.Server.Configuration;

public sealed class DeliveryOptions
{
    /// <summary>
    /// Attempts in flight at once for any priority (critical first). 16 is what the shipped defaults.json sets and what
    /// every delivery benchmark in the docs ran with (this said 32 while defaults.json, which wins, said 16). Raise it
    /// above a route's connections (20) so the next message is rendered while the previous one is on the wire.
    /// </summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// Attempts in flight reserved for critical messages, so a sign-in code never waits behind a bulk backlog
    /// (Postfix gets the same effect from separate transports; KumoMTA from per-queue concurrency).
    /// </summary>
    public int CriticalConcurrency { get; set; } = 4;

    /// <summary>
    /// API requests for messages below critical priority accepted at once; the next ones wait at the door, so a flood
    /// of bulk requests does not slow a sign-in code's (IntakeAdmission). 0: no limit. Unset: by store, see
    /// <see cref="IntakeConcurrencyOn"/>.
    /// </summary>
    public int? IntakeConcurrency { get; set; }

    /// <summary>
    /// The intake's limit on a store: as configured, else 16 on PostgreSQL and none on SQLite. Measured
    /// (docs/scaling-measurements.md, 2026-12-01): on PostgreSQL, 16 took the critical p99 from 62-70 to 48-54 ms with
    /// delivery within noise; on SQLite it gained nothing (critical p99 32-37 either way) and cost about a tenth of the
    /// delivery rate (1,490-1,681 against 1,258-1,526/s), because SQLite's one writer already takes every waiting write in
    /// one transaction and fewer requests in flight made its groups smaller.
    /// </summary>
    public int IntakeConcurrencyOn(bool postgres) => IntakeConcurrency ?? (postgres ? 16 : 0);

    /// <summary>Longer than any SMTP transaction can take, so a live worker never loses its lease.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an idempotency key is remembered (Stripe and Postmark keep theirs 24 h).</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Longest sleep when the queue looks empty; an enqueue wakes the workers sooner.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);
}
