namespace Cortex.Queue.Bench.Report;

/// <summary>The performance targets of issue 2, stated once for the checks and the report's wording.</summary>
public static class Targets
{
    /// <summary>The RabbitMQ path's throughput at the highest concurrency, as a fraction of the direct path's.</summary>
    public const double MinThroughputRatio = 0.6;

    /// <summary>How much higher the RabbitMQ path's median latency at concurrency 1 may be than the direct path's.</summary>
    public const double MaxP50DifferenceMs = 2.0;
}
