using System.Buffers;
using Cortex.Queue.Contracts;

namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// One delivery from the tracker's queue, held until its batch is stored and acknowledged: the decoded events (in a
/// pooled buffer), or why they could not be decoded together with the original body, which goes to the error queue.
/// </summary>
internal sealed class ReceivedEventMessage
{
    private byte[]? _rented;

    private ReceivedEventMessage(ulong deliveryTag, byte[]? rented, EncodedPredictionEvents? events, byte[]? body, string? error)
    {
        DeliveryTag = deliveryTag;
        _rented = rented;
        Events = events;
        Body = body;
        Error = error;
    }

    public ulong DeliveryTag { get; }

    /// <summary>The events; null when the message could not be read (see <see cref="Error"/>).</summary>
    public EncodedPredictionEvents? Events { get; }

    /// <summary>The message as received, kept only for one that could not be read.</summary>
    public byte[]? Body { get; }

    public string? Error { get; }

    public static ReceivedEventMessage Read(ulong deliveryTag, ReadOnlySpan<byte> body)
    {
        try
        {
            var (rented, events) = PredictionEventEnvelope.Decode(body);
            return new ReceivedEventMessage(deliveryTag, rented, events, null, null);
        }
        catch (FormatException exception)
        {
            return new ReceivedEventMessage(deliveryTag, null, null, body.ToArray(), exception.Message);
        }
    }

    /// <summary>Gives the decoded events' buffer back to the pool; the events must not be read after this.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
