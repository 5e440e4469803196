using Herald.Core.Catalogue;
using Herald.Core.Delivery;
using Herald.Core.Messages;
using Herald.Core.Queue;
using Herald.Core.Tests.Catalogue;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Herald.Core.Tests.Delivery;

/// <summary>
/// The send gates of an attempt read at once, not one after the other, and still decide in order: the first gate in
/// order that stops the message wins, whichever answered first, and a later gate's fault changes nothing then.
/// </summary>
public sealed class DeliveryPipelineGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_gate_is_asked_before_the_first_has_answered()
    {
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first gate answers only once the second was asked: one after the other, the attempt would never end.
        var first = new Gate(async () =>
        {
            await second.Task;
            return GateDecision.Proceed;
        });
        var skipping = new Gate(() =>
        {
            second.TrySetResult();
            return Task.FromResult(GateDecision.Skip("the reader turned sign-in mail off"));
        });

        var result = await Pipeline(first, skipping).ProcessAsync(Job(), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30));

        result.Outcome.ShouldBe(new DeliveryOutcome.Skipped("the reader turned sign-in mail off"));
    }

    [Fact]
    public async Task The_first_gate_in_order_that_stops_decides_even_when_a_later_one_answered_first()
    {
        var slow = new TaskCompletionSource<GateDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        var processing = Pipeline(new Gate(() => slow.Task), new Gate(() => Task.FromResult(GateDecision.Skip("later gate"))))
            .ProcessAsync(Job(), TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        processing.IsCompleted.ShouldBeFalse();

        slow.SetResult(GateDecision.Suppress("suspended since 2026-11-30"));

        (await processing).Outcome.ShouldBe(new DeliveryOutcome.Suppressed("suspended since 2026-11-30"));
    }

    [Fact]
    public async Task A_later_gate_that_fails_changes_nothing_when_an_earlier_one_stops()
    {
        var result = await Pipeline(
                new Gate(() => Task.FromResult(GateDecision.Suppress("suspended"))),
                new Gate(() => Task.FromException<GateDecision>(new InvalidOperationException("the store is gone"))))
            .ProcessAsync(Job(), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(new DeliveryOutcome.Suppressed("suspended"));
    }

    [Fact]
    public async Task An_earlier_gate_that_fails_fails_the_attempt_as_before()
    {
        var pipeline = Pipeline(
            new Gate(() => Task.FromException<GateDecision>(new InvalidOperationException("the store is gone"))),
            new Gate(() => Task.FromResult(GateDecision.Skip("later gate"))));

        await Should.ThrowAsync<InvalidOperationException>(() => pipeline.ProcessAsync(Job(), TestContext.Current.CancellationToken));
    }

    private static DeliveryPipeline Pipeline(params ISendGate[] gates) =>
        new(TestCatalogue.Default(), new NoSigning(), new NoSending(), new FakeTimeProvider(Now), gates);

    private static DeliveryJob Job() => new(new StoredMessage(
        "msg_1", "magic-code", "sign-in", Priority.Critical, "ana@example.test", """{"code":"123456"}""", ["code"], null, "hash-1",
        Now, Now.AddMinutes(10), "<msg_1@herald.example>", "bounce+msg_1@bounces.herald.example", "default", MessageStatus.Queued, 0, Now, Now),
        1, "lease-1", Now.AddMinutes(5));

    private sealed class Gate(Func<Task<GateDecision>> check) : ISendGate
    {
        public ValueTask<GateDecision> CheckAsync(StoredMessage message, NotificationType type, CancellationToken cancellationToken) => new(check());
    }

    private sealed class NoSigning : IMessageSigner
    {
        public void Sign(MimeMessage message)
        {
        }
    }

    /// <summary>Every test here stops the message at a gate: reaching the transport is a failure.</summary>
    private sealed class NoSending : ISmtpTransport
    {
        public Task<SmtpSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a gate stopped this message: nothing may be sent");
    }
}
