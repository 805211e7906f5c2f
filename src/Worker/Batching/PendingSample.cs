using Cortex.Queue.Tensors;

namespace Cortex.Queue.Worker.Batching;

/// <summary>A parsed sample waiting for its batch, and the promise its consumer awaits before replying and acking.</summary>
public sealed class PendingSample(ParsedSample sample, string requestId, bool debug, DateTimeOffset enqueuedAt)
{
    private readonly TaskCompletionSource<SampleOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ParsedSample Sample { get; } = sample;

    public string RequestId { get; } = requestId;

    public bool Debug { get; } = debug;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    public Task<SampleOutcome> Outcome => _completion.Task;

    public void Complete(SampleOutcome outcome) => _completion.TrySetResult(outcome);
}
