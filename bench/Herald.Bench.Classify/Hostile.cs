using System.Diagnostics;
using System.Globalization;
using System.Text;
using Herald.Bounces;

namespace Herald.Bench.Classify;

/// <summary>
/// Times the hostile inputs the test suite asserts results for (10,000-deep nesting, a million empty MIME parts,
/// a 1 MB header line, 10,000 DSN recipient blocks, broken base64, an unknown charset): each must finish in
/// under 2 s and under 256 MB.
/// </summary>
internal static class Hostile
{
    private const string Head = "From: MAILER-DAEMON@example.org\nTo: s@example.com\nSubject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n";

    public static void Run()
    {
        Time("10,000-deep multipart nesting", () =>
        {
            var sb = new StringBuilder(Head).Append("Content-Type: multipart/mixed; boundary=\"n0\"\n\n");
            for (var i = 0; i < 10_000; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"--n{i}\nContent-Type: multipart/mixed; boundary=\"n{i + 1}\"\n\n");
            }

            return sb;
        });
        Time("1,000,000 empty MIME parts", () =>
        {
            var sb = new StringBuilder(Head, 8_000_000).Append("Content-Type: multipart/mixed; boundary=\"p\"\n\n");
            sb.Insert(sb.Length, "--p\n\n", 1_000_000);
            return sb.Append("--p--\n");
        });
        Time("1 MB header line", () => new StringBuilder(Head).Append("X-Long: ").Append('x', 1 << 20).Append("\n\nbody\n"));
        Time("DSN with 10,000 recipient blocks", () =>
        {
            var sb = new StringBuilder(Head).Append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"d\"\n\n--d\nContent-Type: message/delivery-status\n\n");
            for (var i = 0; i < 10_000; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Final-Recipient: rfc822; r{i}@example.net\nAction: failed\nStatus: 5.1.1\n\n");
            }

            return sb.Append("--d--\n");
        });
        Time("broken base64", () => new StringBuilder(Head).Append("Content-Transfer-Encoding: base64\n\n").Append('%', 1 << 20).Append('\n'));
        Time("unknown charset", () => new StringBuilder(Head).Append("Content-Type: text/plain; charset=x-unheard-of\n\n").Append('a', 1 << 20).Append('\n'));
    }

    private static void Time(string name, Func<StringBuilder> build)
    {
        var bytes = Encoding.UTF8.GetBytes(build().ToString());
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var watch = Stopwatch.StartNew();
        var report = BounceClassifier.ClassifyEmail(bytes);
        watch.Stop();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hostile: {name,-34} {bytes.Length / 1024,6} KB in {watch.Elapsed.TotalMilliseconds,7:F1} ms, working set {process.WorkingSet64 / (1024.0 * 1024.0),6:F1} MB (was {before / (1024.0 * 1024.0):F1}): {report.Kind} ({report.Cause})"));
    }
}
