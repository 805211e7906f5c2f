namespace Cortex.Queue.Worker.Batching;

/// <summary>What happened to one sample: its response body or the reason it failed, and how it was batched.</summary>
public sealed record SampleOutcome(
    int StatusCode,
    string? ResultJson,
    string? Error,
    string? InferenceJson,
    int BatchSize,
    double QueueWaitMilliseconds,
    double InferenceMilliseconds)
{
    public bool Succeeded => StatusCode == 200;

    public static SampleOutcome Failed(int statusCode, string error, int batchSize = 0, double queueWait = 0, double inference = 0) =>
        new(statusCode, null, error, null, batchSize, queueWait, inference);
}
