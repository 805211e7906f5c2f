namespace Cortex.Queue.Storage;

/// <summary>Statistics of the tracked numbers of a regression API; predictions without a usable value are not counted.</summary>
public sealed record RegressionSummary(long Count, double? Min, double? Max, PercentileSummary Values);
