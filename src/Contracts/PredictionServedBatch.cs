using System.Text.Json.Serialization;

namespace Cortex.Queue.Contracts;

/// <summary>
/// Several <see cref="PredictionServed"/> events in one message on the <c>prediction-served</c> exchange. A worker
/// answers thousands of requests a second; one broker message per event cost the worker and the tracker more than
/// the predictions themselves (measured: a tracker fed one event per message stored ~2,500 events/s, against
/// ~100,000 rows/s for a plain COPY), so workers publish what has accumulated since their last publish, up to
/// <see cref="MaxEvents"/> at a time. Each event still stands alone: the tracker stores it once by its request id,
/// however often the message carrying it is delivered.
/// </summary>
[JsonConverter(typeof(PredictionServedBatchJsonConverter))]
public sealed record PredictionServedBatch(IReadOnlyList<PredictionServed> Events)
{
    /// <summary>
    /// Most events a worker puts in one message (about 120 bytes each in the binary layout, ~160 KB of base64 when
    /// full; deflated, about 2.5× less). Only a worker answering more than ~10,000 requests/s fills it within its
    /// publish interval. In development runs of the tracker benchmark (3 rounds each, same events per COPY), 1024 per message drained
    /// ~15-25% faster than 256: the broker and the tracker pay per message. Such messages are large-object-heap
    /// allocations at both ends; their GC cost was not measured apart.
    /// </summary>
    public const int MaxEvents = 1024;
}
