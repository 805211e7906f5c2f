namespace Cortex.Queue.Cli.Monitoring;

/// <summary>Requests of a window: how many, how fast, and by status class.</summary>
public sealed record RequestTotals(long Count, double? RatePerSecond, StatusCounts Status);
