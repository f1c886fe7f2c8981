using System.Diagnostics;

namespace NutPortal.Web.Bench;

/// <summary>Single-threaded operations per second, timed the same way as the Node side of the Ethereum bench.</summary>
internal static class Throughput
{
    /// <summary>Timed runs per figure; the figure is the fastest, since other work on the machine only slows a run.</summary>
    public const int Trials = 3;

    /// <summary>
    /// Runs <paramref name="op"/> for half a second (tiered JIT reaches optimised code and the rate is
    /// estimated; shorter for very short runs such as the smoke test), then <see cref="Trials"/> times runs as
    /// many calls as should take <paramref name="seconds"/> and returns the best rate. Inputs cycle by index.
    /// </summary>
    public static double OpsPerSecond(int variants, double seconds, Func<int, int> op)
    {
        var warmUp = TimeSpan.FromSeconds(Math.Min(0.5, seconds / 2));
        var sink = 0;
        long n = 0;
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < warmUp)
        {
            for (var j = 0; j < 16; j++)
            {
                sink ^= op((int)(n++ % variants));
            }
        }
        var iterations = Math.Max(16L, (long)(n / warmUp.TotalSeconds * seconds));
        var best = 0.0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var timed = Stopwatch.StartNew();
            for (long i = 0; i < iterations; i++)
            {
                sink ^= op((int)(i % variants));
            }
            timed.Stop();
            best = Math.Max(best, iterations / timed.Elapsed.TotalSeconds);
        }
        Sink = sink; // the results feed a value the JIT cannot prove unused
        return best;
    }

    /// <summary>Keeps the combined results observable.</summary>
    public static int Sink { get; private set; }
}
