using Cortex.Queue.Tensors;

namespace Cortex.Queue.Worker.Batching;

/// <summary>A parsed sample waiting for its batch, and the promise its consumer awaits before replying and acking.</summary>
public sealed class PendingSample(ParsedSample sample, string requestId, bool debug, DateTimeOffset enqueuedAt)
{
    // Continuations run inline on the batch loop: what follows a sample's outcome is a few allocations, not worth a
    // thread-pool hop per sample. The consumers hop once per message before replying
    // (see PredictBatchRequestConsumer), so the batch loop never does a reply's I/O.
    private readonly TaskCompletionSource<SampleOutcome> _completion = new();

    public ParsedSample Sample { get; } = sample;

    public string RequestId { get; } = requestId;

    public bool Debug { get; } = debug;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    public Task<SampleOutcome> Outcome => _completion.Task;

    public void Complete(SampleOutcome outcome) => _completion.TrySetResult(outcome);
}
