using System.Net;
using System.Text;
using Herald.Smtp.Simulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace Herald.Smtp.Tests.Simulator;

/// <summary>The simulator's report queue is a worker: one report that fails in a way nobody listed must not stop the rest.</summary>
public sealed class SimulatorMailerTests
{
    [Fact]
    public async Task A_report_that_fails_with_an_unexpected_error_is_given_up_and_the_next_one_is_still_tried()
    {
        var calls = 0;
        var secondTried = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IPEndPoint? Endpoint()
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("an error the mailer does not list");
            }

            secondTried.TrySetResult();
            return null; // not listening: retried later, which is not what this test is about
        }

        var mailer = new SimulatorMailer(new SimulatorOptions { ReplyDelay = TimeSpan.Zero }, Endpoint, TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = mailer.RunAsync(stop.Token);
        mailer.Enqueue(Report(SimulatedCase.LateBounce));
        mailer.Enqueue(Report(SimulatedCase.Complaint));

        await secondTried.Task.WaitAsync(TimeSpan.FromSeconds(10));
        run.IsCompleted.ShouldBeFalse();
        await stop.CancelAsync();
        await run;
    }

    private static FollowUp Report(SimulatedCase @case) => new(
        @case, "b+msg_1@bounces.herald.test", "who@simulator.herald.test", "q1",
        Encoding.ASCII.GetBytes("From: app@herald.test\r\nTo: who@simulator.herald.test\r\nSubject: test\r\nMessage-ID: <m1@herald.test>\r\n\r\n"),
        DateTimeOffset.UtcNow);
}
