namespace Cortex.Queue.Messaging.Tracking;

/// <summary>How a process's <see cref="PredictionEventPublisher"/> holds and groups events (from <c>Worker:Tracking…</c> or <c>Ingress:Tracking…</c>).</summary>
public sealed record PredictionEventPublisherOptions
{
    /// <summary>Events held while the broker is slow or away; beyond it new events are dropped with a warning.</summary>
    public int BufferSize { get; init; } = 100_000;

    /// <summary>How long events gather before they are published (unless a full message's worth is waiting).</summary>
    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
