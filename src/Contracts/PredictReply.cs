namespace Cortex.Queue.Contracts;

/// <summary>
/// The worker's answer to one request. <see cref="ResultJson"/> is the response body on success (already JSON);
/// on failure <see cref="Error"/> says why and <see cref="StatusCode"/> is 400 (sample does not fit the signature)
/// or 406 (prediction failed, Cortex's code). Timings let the ingress report queue wait and batch sizes.
/// </summary>
public sealed record PredictReply(
    int StatusCode,
    string? ResultJson,
    string? Error,
    string? DebugJson,
    int BatchSize,
    double QueueWaitMilliseconds,
    double InferenceMilliseconds,
    string WorkerId);
