namespace Cortex.Queue.Ingress.Warmup;

/// <summary>Whether the ingress's reply path has carried one round trip; <c>/readyz</c> waits for it.</summary>
public sealed class ReplyPathWarmup
{
    private volatile bool _done;

    public bool Done => _done;

    public void MarkDone() => _done = true;
}
