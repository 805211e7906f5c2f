namespace Cortex.Queue.Contracts;

/// <summary>
/// One prediction a worker answered, published (in a <see cref="PredictionServedBatch"/>) to the <c>prediction-served</c> exchange for the tracker to store.
/// <see cref="TrackedClass"/> is set for a classification tracker (integers as their decimal text),
/// <see cref="TrackedValue"/> for a regression tracker; both stay null when the API has no tracker or the
/// response did not hold a usable value, and the event still counts for status and latency.
/// </summary>
public sealed record PredictionServed(
    string Api,
    string Deployment,
    string RequestId,
    DateTimeOffset At,
    int StatusCode,
    double LatencyMilliseconds,
    double QueueWaitMilliseconds,
    int BatchSize,
    string WorkerId,
    string? TrackedClass,
    double? TrackedValue);
