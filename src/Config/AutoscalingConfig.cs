namespace Cortex.Queue.Config;

/// <summary>The <c>autoscaling:</c> block for the KEDA queue trigger.</summary>
public sealed record AutoscalingConfig
{
    /// <summary>Messages per replica the queue trigger aims for; defaults to one batch (<c>batching.max_batch_size</c>).</summary>
    public required int TargetQueueLength { get; init; }
}
