using System.Collections.Concurrent;
using System.Text.Json;
using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Metrics;
using Cortex.Queue.Ingress.Queueing;

namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>Puts requests on an API's queue: request/reply for synchronous calls, fire-and-store for asynchronous ones.</summary>
public sealed class PredictionDispatcher(IPredictQueue queueToWorkers, IngressOptions options, CortexMetrics metrics) : IDisposable
{
    private readonly ConcurrentDictionary<string, RequestCoalescer> _coalescers = new();

    /// <summary>Sends one sample (coalesced with others under load) and waits for its reply; throws <see cref="PredictionTimeoutException"/> after the API's timeout.</summary>
    public Task<PredictReply> PredictAsync(ApiState api, QueuedSampleBody body, string requestId, bool debug, CancellationToken cancellationToken)
    {
        var coalescer = _coalescers.GetOrAdd(api.Name, _ => new RequestCoalescer(api, queueToWorkers, options, metrics));
        return coalescer.PredictAsync(body, requestId, debug).WaitAsync(cancellationToken);
    }

    /// <summary>Queues an asynchronous request; the worker publishes its result for the store.</summary>
    public Task SubmitAsync(ApiState api, JsonElement sample, string asyncId, CancellationToken cancellationToken) =>
        queueToWorkers.SubmitAsync(api, sample, asyncId, cancellationToken);

    public void Dispose()
    {
        foreach (var coalescer in _coalescers.Values)
        {
            coalescer.Complete();
        }
    }
}
