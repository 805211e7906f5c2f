using System.Text.Json;
using Cortex.Queue.Contracts;

namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>A caller's sample waiting in the coalescer, and the promise of its reply.</summary>
public sealed class PendingPrediction(JsonElement sample, string requestId, bool debug)
{
    private readonly TaskCompletionSource<PredictReply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JsonElement Sample { get; } = sample;

    public string RequestId { get; } = requestId;

    public bool Debug { get; } = debug;

    public Task<PredictReply> Reply => _reply.Task;

    public void Complete(PredictReply reply) => _reply.TrySetResult(reply);

    public void Fail(Exception exception) => _reply.TrySetException(exception);
}
