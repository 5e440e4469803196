using System.Runtime.ExceptionServices;

namespace Herald.Cli.Commands.Bounces;

/// <summary>
/// Classifies a batch of email files on every core and hands the results back in the order given, so
/// <c>herald classify *.eml</c> prints exactly what a one-by-one loop would, faster. Each file is independent (the
/// classifier is pure), so the only shared state is the output order.
/// </summary>
/// <remarks>
/// A plain worker loop, not PLINQ: <c>AsParallel().AsOrdered()</c> over the results JIT-compiled about 50 generic
/// methods on every run (its operators over our result type are in no ReadyToRun image, and tiering is off, so each at
/// full optimisation), and its order-preserving merge woke the reading thread for every file: 15,500 futex calls for
/// 6,290 emails (strace -c). Here the thread that prints is one of the workers: it classifies the next unclaimed file
/// while the one it must print next is still being read elsewhere, and waits only at the end of the batch.
/// </remarks>
internal static class FileBatch
{
    /// <summary>Below this many files a second thread costs more to start than it saves (a one-shot call stays lean).</summary>
    private const int ParallelFrom = 32;

    /// <summary>
    /// A young-generation collection after this many bytes allocated. The workstation GC grows its gen-0 budget while
    /// little survives (parsing a bounce leaves nothing behind), to well over 100 MB on this machine, and the process
    /// keeps that memory: 144 MB peak for 6,290 emails. A collection of an all-garbage gen 0 costs almost nothing, so
    /// collecting every 16 MB keeps the batch near its start-up size (measured with DOTNET_GCgen0size=16 MB: 88 MB, and
    /// no more CPU time). The same budget cannot be set in runtimeconfig, and <c>serve</c> shares this executable.
    /// </summary>
    private const long CollectEvery = 16L << 20;

    private static long _collectedAt;

    public static IEnumerable<ClassifiedFile> Classify(IReadOnlyList<string> files)
    {
        if (files.Count < ParallelFrom || Environment.ProcessorCount == 1)
        {
            foreach (var file in files)
            {
                yield return Classify(file);
            }

            yield break;
        }

        var batch = new Batch(files);
        try
        {
            for (var i = 1; i < Environment.ProcessorCount; i++)
            {
                new Thread(batch.Work) { IsBackground = true, Name = "herald classify" }.Start();
            }

            for (var i = 0; i < files.Count; i++)
            {
                yield return batch.Take(i);
            }
        }
        finally
        {
            batch.Stop();
        }
    }

    private static ClassifiedFile Classify(string file)
    {
        var (report, problem) = InputFiles.Classify(file);
        var allocated = GC.GetTotalAllocatedBytes();
        var last = Interlocked.Read(ref _collectedAt);
        if (allocated - last > CollectEvery && Interlocked.CompareExchange(ref _collectedAt, allocated, last) == last)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        }

        return new ClassifiedFile(file, report, problem);
    }

    /// <summary>
    /// The shared state of one parallel batch: the next file to claim, and one slot per file that holds its result (or
    /// the exception that classifying it threw, rethrown where it is printed) until it is printed.
    /// </summary>
    private sealed class Batch(IReadOnlyList<string> files)
    {
        private readonly object?[] _slots = new object?[files.Count];
        private readonly object _gate = new();
        private int _next = -1;
        private bool _waiting;

        /// <summary>A helper thread: claims files until none is left.</summary>
        public void Work()
        {
            while (ClassifyNext())
            {
            }
        }

        /// <summary>The result for file <paramref name="index"/>, classifying other files while it is not ready.</summary>
        public ClassifiedFile Take(int index)
        {
            while (Volatile.Read(ref _slots[index]) is null && ClassifyNext())
            {
            }

            object slot;
            lock (_gate)
            {
                while ((slot = _slots[index]!) is null)
                {
                    _waiting = true;
                    Monitor.Wait(_gate);
                }

                _waiting = false;
                _slots[index] = null;
            }

            if (slot is ExceptionDispatchInfo failure)
            {
                failure.Throw();
            }

            return (ClassifiedFile)slot;
        }

        /// <summary>No more files are claimed (the reader stopped early or the batch is done).</summary>
        public void Stop() => Interlocked.Exchange(ref _next, files.Count);

        private bool ClassifyNext()
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= files.Count)
            {
                return false;
            }

            object result;
            try
            {
                result = Classify(files[index]);
            }
            catch (Exception e)
            {
                // A bug in the classifier, not a bad input (InputFiles reports those as values): rethrown on the thread
                // that prints, in order, as PLINQ did, rather than killing the process from a helper thread.
                result = ExceptionDispatchInfo.Capture(e);
            }

            lock (_gate)
            {
                _slots[index] = result;
                if (_waiting)
                {
                    Monitor.PulseAll(_gate);
                }
            }

            return true;
        }
    }
}
