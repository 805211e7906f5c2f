using System.Diagnostics.Metrics;

namespace Cortex.Queue.Bench.Serving;

/// <summary>
/// Listens to the ingress's own instruments (the ones behind <c>/metrics</c>) in-process, so a measurement can say
/// how long requests waited between the ingress and their batch and how large the batches were, without the
/// bucket rounding of the Prometheus histograms.
/// </summary>
public sealed class QueueMetricsRecorder : IDisposable
{
    private const string MeterName = "Cortex.Queue";
    private const string QueueWaitInstrument = "cortex_queue_wait";
    private const string BatchSizeInstrument = "cortex_batch_size";
    private const string MessageSamplesInstrument = "cortex_message_samples";

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private List<double> _queueWaitMs = [];
    private List<double> _batchSizes = [];
    private List<double> _messageSamples = [];

    public QueueMetricsRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name is QueueWaitInstrument or BatchSizeInstrument or MessageSamplesInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.Start();
    }

    /// <summary>Forgets what was recorded so far (call at the start of a measured segment).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _queueWaitMs = [];
            _batchSizes = [];
            _messageSamples = [];
        }
    }

    public (List<double> QueueWaitMs, List<double> BatchSizes, List<double> MessageSamples) Take()
    {
        lock (_gate)
        {
            var taken = (_queueWaitMs, _batchSizes, _messageSamples);
            _queueWaitMs = [];
            _batchSizes = [];
            _messageSamples = [];
            return taken;
        }
    }

    private void Record(string instrument, double value)
    {
        lock (_gate)
        {
            var list = instrument switch
            {
                QueueWaitInstrument => _queueWaitMs,
                BatchSizeInstrument => _batchSizes,
                _ => _messageSamples,
            };
            list.Add(value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
