using System.Diagnostics;
using System.Globalization;
using Herald.Core.Bounces;

// Usage: Herald.Bench.Classify MAILDIR [PASSES]
// Reads every *.eml in MAILDIR into memory, then classifies them single-threaded PASSES times (after one warm-up
// pass) and prints emails/s of the timed passes and the peak working set of the process.
if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Herald.Bench.Classify MAILDIR [PASSES]");
    return 2;
}

var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var emails = Directory.GetFiles(args[0], "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
var records = 0;
foreach (var email in emails)
{
    records += BounceClassifier.ClassifyEmail(email).Records.Count;
}

var watch = Stopwatch.StartNew();
for (var pass = 0; pass < passes; pass++)
{
    foreach (var email in emails)
    {
        BounceClassifier.ClassifyEmail(email);
    }
}

watch.Stop();
var rate = emails.Length * passes / watch.Elapsed.TotalSeconds;
using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"herald: {emails.Length} emails x {passes} passes in {watch.Elapsed.TotalSeconds:F3} s = {rate:F0} emails/s; {records} records per pass; peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HERALD_RATE={rate:F1}"));
return 0;
