using System.Diagnostics.Metrics;

namespace Cortex.Queue.Ingress.Metrics;

/// <summary>The Prometheus series of <c>/metrics</c>: requests by API and status, latency, batch size, queue wait and requests per message.</summary>
public sealed class CortexMetrics : IDisposable
{
    public const string MeterName = "Cortex.Queue";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _latency;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<int> _messageSamples;

    public CortexMetrics()
    {
        _requests = _meter.CreateCounter<long>("cortex_requests", description: "Prediction requests by API and HTTP status");
        _latency = _meter.CreateHistogram<double>("cortex_request_latency", unit: "ms", description: "End-to-end prediction latency at the ingress");
        _batchSize = _meter.CreateHistogram<int>("cortex_batch_size", description: "Size of the batch each request ran in");
        _queueWait = _meter.CreateHistogram<double>("cortex_queue_wait", unit: "ms", description: "Time a request waited between the ingress and its batch");
        _messageSamples = _meter.CreateHistogram<int>("cortex_message_samples", description: "Requests the ingress coalesced into each message it put on an API's queue");
    }

    public void RecordRequest(string api, int statusCode, double latencyMilliseconds)
    {
        var tags = new KeyValuePair<string, object?>[] { new("api", api), new("status", statusCode) };
        _requests.Add(1, tags);
        _latency.Record(latencyMilliseconds, new KeyValuePair<string, object?>("api", api));
    }

    public void RecordBatch(string api, int batchSize, double queueWaitMilliseconds)
    {
        if (batchSize <= 0)
        {
            return;
        }
        var tag = new KeyValuePair<string, object?>("api", api);
        _batchSize.Record(batchSize, tag);
        _queueWait.Record(queueWaitMilliseconds, tag);
    }

    /// <summary>One message left for an API's queue carrying <paramref name="samples"/> requests.</summary>
    public void RecordMessage(string api, int samples) => _messageSamples.Record(samples, new KeyValuePair<string, object?>("api", api));

    public void Dispose() => _meter.Dispose();
}
