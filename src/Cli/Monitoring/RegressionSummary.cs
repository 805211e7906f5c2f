namespace Cortex.Queue.Cli.Monitoring;

/// <summary>Statistics of a regression API's predicted values in the window.</summary>
public sealed record RegressionSummary(long Count, double? Min, double? Max, double? Avg, double? P50, double? P90, double? P99);
