using System.Diagnostics;
using System.Net;
using Herald.Server.Tests.Support;

namespace Herald.Server.Tests.Recipients;

/// <summary>
/// The verification request must not tell, by its time, whether the address is known. The finding: known addresses
/// were answered in about twice the time (4.7 vs 2.4 ms), which told them apart 90 % of the time.
/// </summary>
public sealed class VerificationTimingTests
{
    private const int Samples = 1000;

    [Fact]
    public async Task Over_1000_requests_the_answer_time_tells_known_from_unknown_addresses_no_better_than_chance()
    {
        await using var smtp = new ScriptedSmtpServer();
        await using var host = await HeraldTestHost.StartAsync(smtp.Port, new() { ["Herald:Recipients:VerificationResendLimit"] = "100000" });
        await host.CreateAsync("t-known", "known@example.com");

        var random = new Random(20261130);
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < Samples + 100; i++)
        {
            var isKnown = random.Next(2) == 0;
            var started = Stopwatch.GetTimestamp();
            var (status, _) = await host.RequestVerificationAsync(isKnown ? "t-known" : "t-nobody", isKnown ? "known@example.com" : "nobody@example.com");
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            status.ShouldBe(HttpStatusCode.Accepted);
            if (i >= 100)
            {
                (isKnown ? known : unknown).Add(elapsed); // the first 100 warm up JIT, pools and the page cache
            }
        }

        var accuracy = BestThresholdAccuracy(known, unknown);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"median known {Median(known):F2} ms, unknown {Median(unknown):F2} ms; best threshold classifier right {accuracy:P1} of {Samples}");
        // Chance is 50 %; the best of all thresholds over 1,000 samples of one distribution reaches about 54 % by luck
        // (the Kolmogorov-Smirnov bound at 5 %), so 60 % leaves room for a loaded machine and none for a real difference.
        accuracy.ShouldBeLessThan(0.60);
        await smtp.WaitForMailAsync("known@example.com"); // the known address did get its emails, after the answers
    }

    /// <summary>The accuracy of the best rule "slower than t means known" (or its reverse) over every threshold t.</summary>
    private static double BestThresholdAccuracy(List<double> known, List<double> unknown)
    {
        var all = known.Select(t => (Time: t, Known: true)).Concat(unknown.Select(t => (Time: t, Known: false))).OrderBy(s => s.Time).ToList();
        var best = 0.0;
        var knownBelow = 0;
        var unknownBelow = 0;
        for (var i = 0; i <= all.Count; i++)
        {
            // Threshold after the i fastest samples: those are called unknown, the rest known.
            var right = unknownBelow + (known.Count - knownBelow);
            best = Math.Max(best, Math.Max(right, all.Count - right) / (double)all.Count);
            if (i < all.Count && all[i].Known)
            {
                knownBelow++;
            }
            else if (i < all.Count)
            {
                unknownBelow++;
            }
        }

        return best;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
