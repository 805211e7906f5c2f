namespace Cortex.Queue.Storage;

/// <summary>Requests by status class: 2XX succeeded, 4XX were refused (bad sample, failed prediction), 5XX broke.</summary>
public sealed record StatusCounts(long Success2xx, long Client4xx, long Server5xx);
