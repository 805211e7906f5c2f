namespace Cortex.Queue.Storage;

/// <summary>Average and percentiles of a set of values (linear interpolation, as PostgreSQL's percentile_cont); all null when empty.</summary>
public sealed record PercentileSummary(double? Avg, double? P50, double? P90, double? P99)
{
    public static PercentileSummary Empty { get; } = new(null, null, null, null);
}
