namespace Cortex.Queue.Bench.Load;

/// <summary>What a closed-loop load run saw: completed requests, failures, wall time and every successful latency.</summary>
public sealed class LoadResult
{
    public LoadResult(long succeeded, long failed, string? firstError, TimeSpan elapsed, double[] latenciesMs)
    {
        Succeeded = succeeded;
        Failed = failed;
        FirstError = firstError;
        Elapsed = elapsed;
        LatenciesMs = latenciesMs;
        Array.Sort(LatenciesMs);
    }

    public long Succeeded { get; }

    public long Failed { get; }

    public string? FirstError { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Sorted ascending.</summary>
    public double[] LatenciesMs { get; }

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Succeeded / Elapsed.TotalSeconds : 0;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    /// <summary>Nearest-rank percentile; NaN when nothing succeeded.</summary>
    public double Percentile(double fraction)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(fraction * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(rank, 0, LatenciesMs.Length - 1)];
    }

    /// <summary>Interleaved segments of one path, added up as if they were one run.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> segments) => new(
        segments.Sum(s => s.Succeeded),
        segments.Sum(s => s.Failed),
        segments.Select(s => s.FirstError).FirstOrDefault(e => e is not null),
        TimeSpan.FromTicks(segments.Sum(s => s.Elapsed.Ticks)),
        segments.SelectMany(s => s.LatenciesMs).ToArray());
}
