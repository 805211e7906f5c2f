namespace Cortex.Queue.Cli.Monitoring;

/// <summary>Request latency of a window in milliseconds; null when there was no request.</summary>
public sealed record LatencySummary(double? Avg, double? P50, double? P90, double? P99);
