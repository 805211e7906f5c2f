using System.Buffers.Binary;

namespace Cortex.Queue.Contracts;

/// <summary>
/// Walks the events of one encoded <see cref="PredictionServedBatch"/> payload (layout in
/// <see cref="PredictionServedBatchJsonConverter"/>) without allocating. A plain struct rather than a ref struct, so
/// a caller can keep its place across an <c>await</c> (a store flushing its COPY buffer mid-payload).
/// </summary>
public struct PredictionEventCursor
{
    private readonly ReadOnlyMemory<byte> _payload;
    private int _offset;
    private int _remaining;

    /// <exception cref="FormatException">The payload is too short to hold its event count, or the count is impossible.</exception>
    public PredictionEventCursor(ReadOnlyMemory<byte> payload)
    {
        _payload = payload;
        if (payload.Length < 4)
        {
            throw new FormatException($"a prediction-served payload of {payload.Length} bytes has no event count");
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        if (count < 0 || count > payload.Length)
        {
            throw new FormatException($"a prediction-served payload claims {count} events in {payload.Length} bytes");
        }
        Count = count;
        _remaining = count;
        _offset = 4;
    }

    /// <summary>Events the payload says it holds.</summary>
    public int Count { get; }

    /// <summary>Reads the next event; false once all <see cref="Count"/> were read.</summary>
    /// <exception cref="FormatException">The payload ends inside an event or a length is impossible.</exception>
    public bool TryRead(out PredictionEventFields fields)
    {
        if (_remaining == 0)
        {
            fields = default;
            return false;
        }
        var span = _payload.Span;
        var offset = _offset;
        var api = ReadText(span, ref offset);
        var deployment = ReadText(span, ref offset);
        var requestId = ReadText(span, ref offset);
        var at = BinaryPrimitives.ReadInt64LittleEndian(Take(span, ref offset, 8));
        var statusCode = BinaryPrimitives.ReadInt32LittleEndian(Take(span, ref offset, 4));
        var latency = BinaryPrimitives.ReadDoubleLittleEndian(Take(span, ref offset, 8));
        var queueWait = BinaryPrimitives.ReadDoubleLittleEndian(Take(span, ref offset, 8));
        var batchSize = BinaryPrimitives.ReadInt32LittleEndian(Take(span, ref offset, 4));
        var workerId = ReadText(span, ref offset);
        var flags = Take(span, ref offset, 1)[0];
        var trackedClass = (flags & PredictionServedBatchJsonConverter.HasClass) != 0 ? ReadText(span, ref offset) : default;
        var trackedValue = (flags & PredictionServedBatchJsonConverter.HasValue) != 0 ? BinaryPrimitives.ReadDoubleLittleEndian(Take(span, ref offset, 8)) : 0;
        fields = new PredictionEventFields
        {
            Api = api,
            Deployment = deployment,
            RequestId = requestId,
            AtUtcTicks = at,
            StatusCode = statusCode,
            LatencyMilliseconds = latency,
            QueueWaitMilliseconds = queueWait,
            BatchSize = batchSize,
            WorkerId = workerId,
            HasTrackedClass = (flags & PredictionServedBatchJsonConverter.HasClass) != 0,
            TrackedClass = trackedClass,
            HasTrackedValue = (flags & PredictionServedBatchJsonConverter.HasValue) != 0,
            TrackedValue = trackedValue,
        };
        _offset = offset;
        _remaining--;
        return true;
    }

    /// <summary>A string as <see cref="BinaryWriter.Write(string)"/> writes it: 7-bit encoded UTF-8 byte count, then the bytes.</summary>
    private static ReadOnlySpan<byte> ReadText(ReadOnlySpan<byte> span, scoped ref int offset)
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (shift > 28)
            {
                throw new FormatException($"a text length at byte {offset} of a prediction-served payload is malformed");
            }
            var part = Take(span, ref offset, 1)[0];
            length |= (part & 0x7F) << shift;
            if ((part & 0x80) == 0)
            {
                break;
            }
        }
        if (length < 0)
        {
            throw new FormatException($"a text length before byte {offset} of a prediction-served payload is negative");
        }
        return Take(span, ref offset, length);
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> span, scoped ref int offset, int count)
    {
        if (count > span.Length - offset)
        {
            throw new FormatException($"the prediction-served payload ends at byte {span.Length}, inside an event (needed {count} more bytes at byte {offset})");
        }
        var taken = span.Slice(offset, count);
        offset += count;
        return taken;
    }
}
