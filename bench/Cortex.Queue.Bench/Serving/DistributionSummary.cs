namespace Cortex.Queue.Bench.Serving;

/// <summary>Mean, median, 99th percentile and maximum of a set of recorded values (all NaN when there were none).</summary>
public sealed record DistributionSummary(long Count, double Mean, double P50, double P99, double Max)
{
    public static DistributionSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new DistributionSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new DistributionSummary(sorted.Length, sorted.Average(), Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
