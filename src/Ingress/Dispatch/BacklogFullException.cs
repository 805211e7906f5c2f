namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>Thrown instead of queueing a request when an API already has the most requests an ingress will hold for it.</summary>
public sealed class BacklogFullException(string api, int waiting, int limit)
    : Exception($"API '{api}' already has {waiting} requests waiting at this ingress (limit {limit}, Ingress:MaxPendingRequests); retry shortly")
{
    public string Api { get; } = api;
}
