namespace Cortex.Queue.Storage;

/// <summary>One time slice of the series; empty slices have zero counts and null statistics.</summary>
public sealed record MetricsBucket(
    DateTimeOffset Start,
    long Count,
    StatusCounts Status,
    double? LatencyP50,
    double? LatencyP90,
    double? LatencyP99,
    IReadOnlyDictionary<string, long>? Classes,
    double? ValueAvg,
    double? ValueP50);
