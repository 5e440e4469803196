using System.Diagnostics;
using System.Globalization;
using Herald.Bounces;

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

using var self = Process.GetCurrentProcess();
var cpuBefore = self.TotalProcessorTime;
var watch = Stopwatch.StartNew();
for (var pass = 0; pass < passes; pass++)
{
    foreach (var email in emails)
    {
        BounceClassifier.ClassifyEmail(email);
    }
}

watch.Stop();
self.Refresh();
var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
var rate = emails.Length * passes / watch.Elapsed.TotalSeconds;
var cpuRate = emails.Length * passes / cpu;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"herald: {emails.Length} emails x {passes} passes in {watch.Elapsed.TotalSeconds:F3} s wall = {rate:F0} emails/s; {cpu:F3} s CPU = {cpuRate:F0} emails/CPU-s; {records} records per pass; peak working set {self.PeakWorkingSet64 / (1024.0 * 1024.0):F1} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HERALD_RATE={rate:F1} {cpuRate:F1}"));
if (args.Contains("--hostile"))
{
    Herald.Bench.Classify.Hostile.Run();
}

return 0;
