namespace Cortex.Queue.Storage;

/// <summary>How many requests a window saw, how fast, and how they ended.</summary>
public sealed record RequestSummary(long Count, double RatePerSecond, StatusCounts Status);
