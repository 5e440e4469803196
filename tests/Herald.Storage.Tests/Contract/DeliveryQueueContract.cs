using Herald.Core.Events;
using Herald.Core.Feedback;
using Herald.Core.Messages;
using Herald.Core.Queue;
using static Herald.Storage.Tests.Contract.TestMessages;

namespace Herald.Storage.Tests.Contract;

/// <summary>What every <see cref="IDeliveryQueue"/> must do with a message: enqueue, idempotency, complete, secret purge.</summary>
[ContractFor(typeof(IDeliveryQueue))]
public abstract class DeliveryQueueContract : StoreContract
{
    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Enqueued_message_reads_back_queued_and_due_with_its_accepted_event()
    {
        var m = New("msg_1", secretFields: ["name"]);
        var created = await Queue.EnqueueAsync(m);

        var stored = await Store.GetAsync("msg_1", None);
        stored.ShouldBeSameMessage(created);
        stored!.Status.ShouldBe(MessageStatus.Queued);
        stored.Attempts.ShouldBe(0);
        stored.NextAttemptAt.ShouldBe(m.CreatedAt);
        stored.DataJson.ShouldBe(m.DataJson);
        stored.SecretFields.ShouldBe(["name"]);
        stored.To.ShouldBe(m.To);
        stored.ReturnPath.ShouldBe(m.ReturnPath);
        (await Store.GetTimelineAsync("msg_1", None)).ShouldBe([Accepted(m)]);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Same_idempotency_key_and_body_is_a_duplicate_of_the_first_message()
    {
        var first = await Queue.EnqueueAsync(New("msg_1", idempotencyKey: "k1"));

        var again = New("msg_2", idempotencyKey: "k1", createdAt: T0.AddMinutes(1));
        var result = await Queue.EnqueueAsync(again, Accepted(again), T0.AddHours(-24), None);

        result.ShouldBeOfType<EnqueueResult.Duplicate>().Existing.ShouldBeSameMessage(first);
        (await Store.GetAsync("msg_2", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Same_idempotency_key_with_another_body_is_a_key_conflict()
    {
        await Queue.EnqueueAsync(New("msg_1", idempotencyKey: "k1", requestHash: "hash-a"));

        var other = New("msg_2", idempotencyKey: "k1", requestHash: "hash-b", createdAt: T0.AddMinutes(1));
        var result = await Queue.EnqueueAsync(other, Accepted(other), T0.AddHours(-24), None);

        result.ShouldBeOfType<EnqueueResult.KeyConflict>().ExistingMessageId.ShouldBe("msg_1");
        (await Store.GetAsync("msg_2", None)).ShouldBeNull();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Idempotency_key_last_used_before_the_window_creates_a_new_message()
    {
        await Queue.EnqueueAsync(New("msg_1", idempotencyKey: "k1"));

        var later = New("msg_2", idempotencyKey: "k1", createdAt: T0.AddDays(2));
        var result = await Queue.EnqueueAsync(later, Accepted(later), T0.AddDays(1), None);

        result.ShouldBeOfType<EnqueueResult.Created>().Message.Id.ShouldBe("msg_2");
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task An_outcome_whose_reply_holds_a_NUL_is_applied_with_the_reply_kept()
    {
        // A server's reply is its own text: a NUL in it must not make the store refuse the outcome, which would leave
        // the job leased, to be sent again when the lease expires.
        await Queue.EnqueueAsync(New("msg_1"));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).ShouldHaveSingleItem();
        const string reply = "250 2.0.0 queued as \0A1B2";
        var delivered = new JobTransition(MessageStatus.Delivered, null,
            [new DeliveryEvent("msg_1", T0.AddMinutes(1), EventType.Delivered, Attempt: 1, RemoteHost: "mx\0.example.test", SmtpCode: 250, Reply: reply)], true);

        (await Queue.CompleteAsync(job, delivered, None)).Applied.ShouldBeTrue();

        var stored = (await Store.GetTimelineAsync("msg_1", None))[^1];
        (AsWritten(stored.Reply), AsWritten(stored.RemoteHost)).ShouldBe((reply, "mx\0.example.test"));
        (await Store.GetAsync("msg_1", None)).ShouldNotBeNull().Status.ShouldBe(MessageStatus.Delivered);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task Complete_with_a_stale_token_returns_false_and_changes_nothing()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var now = T0.AddMinutes(1);
        var late = (await Queue.ClaimAsync(now, owner: "w1")).Single();
        var current = (await Queue.ClaimAsync(now.AddMinutes(6), owner: "w2")).Single();
        var before = await Store.GetAsync("msg_1", None);

        (await Queue.CompleteAsync(late, Delivered(late, now.AddMinutes(7)), None)).Applied.ShouldBeFalse();

        (await Store.GetAsync("msg_1", None)).ShouldBeSameMessage(before);
        (await Store.GetTimelineAsync("msg_1", None)).Count.ShouldBe(1);
        (await Queue.CompleteAsync(current, Delivered(current, now.AddMinutes(7)), None)).Applied.ShouldBeTrue();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task A_delivered_outcome_comes_back_with_its_addresss_ledger_as_it_is_after_the_outcome()
    {
        // What the feedback service checks after every delivery (anything to clear?), read with the outcome.
        await Feedback.UpdateAsync(new LedgerUpdate<bool>("streak@example.test",
            (ledger, _) => (LedgerDecision.Unchanged(ledger with { SoftFailures = 2, SoftFailuresSince = T0 }), true), null, [], _ => []), None);
        await Queue.EnqueueAsync(New("msg_streak", to: "Streak@Example.test"));
        await Queue.EnqueueAsync(New("msg_fresh", to: "fresh@example.test", createdAt: T0.AddSeconds(1)));
        await Queue.EnqueueAsync(New("msg_later", to: "later@example.test", createdAt: T0.AddSeconds(2)));
        var jobs = (await Queue.ClaimAsync(T0.AddMinutes(1))).ToDictionary(j => j.Message.Id);

        var streak = await Queue.CompleteAsync(jobs["msg_streak"], Delivered(jobs["msg_streak"], T0.AddMinutes(2)), None);
        streak.Applied.ShouldBeTrue();
        var read = streak.Address.ShouldNotBeNull();
        (read.Ledger.Address, read.Ledger.SoftFailures, read.DomainIncidentOpen).ShouldBe(("streak@example.test", 2, false));
        var fresh = (await Queue.CompleteAsync(jobs["msg_fresh"], Delivered(jobs["msg_fresh"], T0.AddMinutes(2)), None)).Address.ShouldNotBeNull();
        (fresh.Ledger.Address, fresh.Ledger.SoftFailures, fresh.Ledger.Problem).ShouldBe(("fresh@example.test", 0, null));

        // Nothing is read for an outcome that is not a delivery, nor when the lease was lost.
        (await Queue.CompleteAsync(jobs["msg_later"], Deferred(jobs["msg_later"], T0.AddMinutes(2), T0.AddMinutes(30)), None))
            .ShouldBe(new Completion(true));
        (await Queue.CompleteAsync(jobs["msg_streak"], Delivered(jobs["msg_streak"], T0.AddMinutes(3)), None)).ShouldBe(Completion.LeaseLost);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task A_job_completes_only_once()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single();

        (await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(2)), None)).Applied.ShouldBeTrue();
        (await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(3)), None)).Applied.ShouldBeFalse();

        (await Store.GetTimelineAsync("msg_1", None)).Count.ShouldBe(3);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task Complete_sets_status_and_appends_its_events_to_the_timeline_in_order()
    {
        var m = New("msg_1");
        await Queue.EnqueueAsync(m);
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single();
        var transition = Delivered(job, T0.AddMinutes(2));

        (await Queue.CompleteAsync(job, transition, None)).Applied.ShouldBeTrue();

        var stored = await Store.GetAsync("msg_1", None);
        stored!.Status.ShouldBe(MessageStatus.Delivered);
        stored.UpdatedAt.ShouldBe(transition.Events[^1].Time);
        (await Store.GetTimelineAsync("msg_1", None)).ShouldBe([Accepted(m), .. transition.Events]);
        (await Queue.ClaimAsync(T0.AddDays(1))).ShouldBeEmpty();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task Deferred_job_is_claimed_again_only_from_its_next_attempt_time()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single();
        var next = T0.AddMinutes(30);

        (await Queue.CompleteAsync(job, Deferred(job, T0.AddMinutes(2), next), None)).Applied.ShouldBeTrue();

        var stored = await Store.GetAsync("msg_1", None);
        stored!.Status.ShouldBe(MessageStatus.Deferred);
        stored.NextAttemptAt.ShouldBe(next);
        (await Queue.ClaimAsync(next.AddMilliseconds(-1))).ShouldBeEmpty();
        (await Queue.ClaimAsync(next)).Single().Attempt.ShouldBe(2);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task A_final_messages_secret_fields_are_gone_and_its_other_fields_stay()
    {
        await Queue.EnqueueAsync(New("msg_1", dataJson: """{"name":"Alice","reset_link":"https://x.test/r/abc","code":"123456"}""", secretFields: ["reset_link", "code"]));
        await Queue.EnqueueAsync(New("msg_2", dataJson: """{"code":"123456"}""", secretFields: ["code"]));
        foreach (var job in await Queue.ClaimAsync(T0.AddMinutes(1)))
        {
            (await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(2), purge: true), None)).Applied.ShouldBeTrue();
        }

        (await Store.GetAsync("msg_1", None))!.DataJson.ShouldBe("""{"name":"Alice"}""");
        (await Store.GetAsync("msg_2", None))!.DataJson.ShouldBeNull("nothing is left once the only field was secret");
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync), nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task The_part_of_the_request_hash_that_covers_secrets_goes_with_them_and_a_reused_key_is_judged_on_the_rest()
    {
        // RequestHashes: "<hash without the secret fields>.<hash of everything>".
        var first = New("msg_1", idempotencyKey: "k1", requestHash: "public-1.all-1", dataJson: """{"code":"123456"}""", secretFields: ["code"]);
        await Queue.EnqueueAsync(first);
        var otherCode = New("msg_2", idempotencyKey: "k1", requestHash: "public-1.all-2", createdAt: T0.AddMinutes(1));
        (await Queue.EnqueueAsync(otherCode, Accepted(otherCode), T0.AddHours(-24), None)).ShouldBeOfType<EnqueueResult.KeyConflict>("before the purge, the whole body counts");

        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).ShouldHaveSingleItem();
        (await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(2), purge: true), None)).Applied.ShouldBeTrue();

        (await Store.GetAsync("msg_1", None))!.RequestHash.ShouldBe("public-1");
        (await Queue.EnqueueAsync(otherCode, Accepted(otherCode), T0.AddHours(-24), None)).ShouldBeOfType<EnqueueResult.Duplicate>().Existing.Id.ShouldBe("msg_1");
        var otherBody = New("msg_3", idempotencyKey: "k1", requestHash: "public-2.all-3", createdAt: T0.AddMinutes(3));
        (await Queue.EnqueueAsync(otherBody, Accepted(otherBody), T0.AddHours(-24), None)).ShouldBeOfType<EnqueueResult.KeyConflict>();
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task A_final_message_without_secret_fields_keeps_its_data_byte_for_byte()
    {
        const string data = """{ "report" : "Q3",  "amount": 1.50 }""";
        await Queue.EnqueueAsync(New("msg_1", dataJson: data, secretFields: []));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single();

        (await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(2), purge: true), None)).Applied.ShouldBeTrue();

        (await Store.GetAsync("msg_1", None))!.DataJson.ShouldBe(data);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task Without_purge_the_data_is_kept()
    {
        var m = New("msg_1", secretFields: ["name"]);
        await Queue.EnqueueAsync(m);
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single();

        await Queue.CompleteAsync(job, Deferred(job, T0.AddMinutes(2), T0.AddMinutes(10)), None);

        (await Store.GetAsync("msg_1", None))!.DataJson.ShouldBe(m.DataJson);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Messages_acknowledged_to_many_concurrent_callers_are_all_there_after_reopening()
    {
        const int n = 400;
        var results = await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() =>
        {
            var m = New($"msg_{i:D4}", createdAt: T0.AddMilliseconds(i));
            return Queue.EnqueueAsync(m, Accepted(m), T0, None);
        })));
        results.ShouldAllBe(r => r is EnqueueResult.Created);

        await ReopenAsync();

        for (var i = 0; i < n; i++)
        {
            (await Store.GetAsync($"msg_{i:D4}", None)).ShouldNotBeNull();
        }

        (await Queue.ClaimAsync(T0.AddMinutes(1), max: 1000)).Count.ShouldBe(n);
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.EnqueueAsync))]
    public async Task Enqueue_of_an_id_that_exists_fails_alone_while_concurrent_enqueues_succeed()
    {
        await Queue.EnqueueAsync(New("msg_taken"));

        var good = Enumerable.Range(0, 20).Select(i => New($"msg_{i}")).ToList();
        var bad = New("msg_taken") with { ReturnPath = "b-other" };
        var goodTasks = good.Select(m => Queue.EnqueueAsync(m, Accepted(m), T0, None)).ToList();
        var badTask = Queue.EnqueueAsync(bad, Accepted(bad), T0, None);

        await Should.ThrowAsync<Exception>(badTask);
        (await Task.WhenAll(goodTasks)).ShouldAllBe(r => r is EnqueueResult.Created);
        (await Store.GetTimelineAsync("msg_taken", None)).Count.ShouldBe(1, "the failed insert left no event behind");
    }

    [Fact]
    [Covers(nameof(IDeliveryQueue.CompleteAsync))]
    public async Task Event_for_another_message_in_a_transition_is_refused_and_changes_nothing()
    {
        await Queue.EnqueueAsync(New("msg_1"));
        var job = (await Queue.ClaimAsync(T0.AddMinutes(1))).Single();
        var wrong = new JobTransition(MessageStatus.Delivered, null, [new DeliveryEvent("msg_other", T0, EventType.Delivered)], true);

        await Should.ThrowAsync<ArgumentException>(Queue.CompleteAsync(job, wrong, None));

        (await Store.GetAsync("msg_1", None))!.Status.ShouldBe(MessageStatus.Queued);
        (await Queue.CompleteAsync(job, Delivered(job, T0.AddMinutes(2)), None)).Applied.ShouldBeTrue("the lease is still held");
    }
}
