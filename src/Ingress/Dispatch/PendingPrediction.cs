using Cortex.Queue.Contracts;

namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>A caller's sample (its UTF-8 JSON or its tensors) waiting in the coalescer, and the promise of its reply.</summary>
public sealed class PendingPrediction(byte[] body, bool isTensorBody, string requestId, bool debug)
{
    private readonly TaskCompletionSource<PredictReply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public byte[] Body { get; } = body;

    public bool IsTensorBody { get; } = isTensorBody;

    public string RequestId { get; } = requestId;

    public bool Debug { get; } = debug;

    /// <summary>When the ingress took the request: its group is stamped with its oldest member's arrival.</summary>
    public DateTimeOffset ArrivedAt { get; } = DateTimeOffset.UtcNow;

    public Task<PredictReply> Reply => _reply.Task;

    public void Complete(PredictReply reply) => _reply.TrySetResult(reply);

    public void Fail(Exception exception) => _reply.TrySetException(exception);
}
