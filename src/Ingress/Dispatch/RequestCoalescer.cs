using System.Threading.Channels;
using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Metrics;
using Cortex.Queue.Ingress.Queueing;

namespace Cortex.Queue.Ingress.Dispatch;

/// <summary>
/// Puts one API's synchronous requests on its queue, several to a message when they arrive together. Each message
/// costs the broker and both ends far more than a small model's call (measured: ~10× the CPU of the call), so
/// under load the samples that arrive while earlier messages are still out travel as one
/// <see cref="PredictBatchRequest"/>; a lone request goes at once, as a group of one.
/// The number of messages out at a time follows the live workers, so every replica gets work. Every message
/// carries a time to live equal to the API's timeout: a request nobody waits for anymore is dropped, not computed.
/// </summary>
public sealed class RequestCoalescer
{
    private readonly Channel<PendingPrediction> _queue = Channel.CreateUnbounded<PendingPrediction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slotFreed = new(0);
    private readonly ApiState _api;
    private readonly IPredictQueue _queueToWorkers;
    private readonly IngressOptions _options;
    private readonly CortexMetrics _metrics;
    private int _inFlight;
    private int _waiting;

    public RequestCoalescer(ApiState api, IPredictQueue queueToWorkers, IngressOptions options, CortexMetrics metrics)
    {
        _api = api;
        _queueToWorkers = queueToWorkers;
        _options = options;
        _metrics = metrics;
        _ = Task.Run(RunAsync);
    }

    /// <summary>Queues a sample's body (its JSON or its tensors).</summary>
    /// <exception cref="BacklogFullException">The API already has <see cref="IngressOptions.MaxPendingRequests"/> requests waiting.</exception>
    public Task<PredictReply> PredictAsync(QueuedSampleBody body, string requestId, bool debug)
    {
        var waiting = Interlocked.Increment(ref _waiting);
        if (waiting > _options.MaxPendingRequests)
        {
            Interlocked.Decrement(ref _waiting);
            throw new BacklogFullException(_api.Name, waiting - 1, _options.MaxPendingRequests);
        }
        var pending = new PendingPrediction(body.Bytes, body.IsTensors, requestId, debug);
        _queue.Writer.TryWrite(pending);
        return pending.Reply;
    }

    /// <summary>Stops taking requests; those already queued are still sent.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private int MessagesInFlightLimit => Math.Max(_options.MinMessagesInFlight, _options.MessagesInFlightPerWorker * _api.LiveWorkers(_options.WorkerLiveness));

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var maxGroup = Math.Max(1, _api.Config.Batching.MaxBatchSize);
        PendingPrediction? carried = null;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // While enough messages are out, newcomers wait here and join the next group.
            while (Volatile.Read(ref _inFlight) >= MessagesInFlightLimit)
            {
                await _slotFreed.WaitAsync(TimeSpan.FromMilliseconds(20)).ConfigureAwait(false);
            }
            var group = new List<PendingPrediction>(Math.Min(maxGroup, 8));
            var bytes = 0;
            if (carried is not null)
            {
                // Already counted out of the backlog when it was read.
                group.Add(carried);
                bytes = carried.Body.Length;
                carried = null;
            }
            while (group.Count < maxGroup && reader.TryRead(out var pending))
            {
                Interlocked.Decrement(ref _waiting);
                if (group.Count > 0 && bytes + pending.Body.Length > _options.MaxMessageBytes)
                {
                    carried = pending;
                    break;
                }
                group.Add(pending);
                bytes += pending.Body.Length;
            }
            if (group.Count > 0)
            {
                Interlocked.Increment(ref _inFlight);
                _ = SendAsync(group);
            }
        }
    }

    private async Task SendAsync(List<PendingPrediction> group)
    {
        try
        {
            var samples = new CoalescedSample[group.Count];
            for (var i = 0; i < group.Count; i++)
            {
                samples[i] = new CoalescedSample(group[i].RequestId, group[i].Debug, group[i].Body, group[i].IsTensorBody);
            }
            _metrics.RecordMessage(_api.Name, group.Count);
            var loneRequestId = group.Count == 1 ? group[0].RequestId : null;
            // The group is stamped with its oldest request's arrival (the channel is first in, first out), so the
            // time a request spent waiting here counts towards the worker's batch window and the queue-wait metric.
            var replies = await _queueToWorkers.RequestAsync(_api, samples, loneRequestId, group[0].ArrivedAt).ConfigureAwait(false);
            if (replies.Count != group.Count)
            {
                throw new PredictQueueUnavailableException($"a worker answered {replies.Count} of a group of {group.Count} samples");
            }
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Complete(replies[i]);
            }
        }
        catch (Exception exception)
        {
            foreach (var pending in group)
            {
                pending.Fail(exception);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            // Only wake a waiting loop: releasing on every completion would grow the count without bound
            // (and overflow after 2^31 messages). The loop also re-checks on its own every 20 ms.
            if (_slotFreed.CurrentCount == 0)
            {
                _slotFreed.Release();
            }
        }
    }
}
