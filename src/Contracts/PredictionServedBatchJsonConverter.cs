using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cortex.Queue.Contracts;

/// <summary>
/// Writes a <see cref="PredictionServedBatch"/> as <c>{"events": "&lt;base64&gt;"}</c>: the events in a small binary
/// layout rather than as JSON objects. A tracker reading JSON events spent about half its CPU tokenizing them (the
/// envelope parse, then the message's own read); one base64 string is skipped in a single scan and decoded at memory
/// speed. Layout, little-endian: count (int32), then per event Api, Deployment, RequestId (length-prefixed UTF-8),
/// At (UTC ticks, int64), StatusCode (int32), LatencyMilliseconds, QueueWaitMilliseconds (float64), BatchSize (int32),
/// WorkerId, a flags byte (1 = TrackedClass follows, 2 = TrackedValue follows), then those that are present.
/// Written compressed, as <c>{"deflated_events": "&lt;base64&gt;"}</c> (<see cref="PredictionEventCompression"/>): for a
/// full message of a worker's events the broker holds and moves about 2.5× fewer bytes, so a backlog waiting for the
/// tracker fits 2.5× more events in the same memory. Both properties are read.
/// </summary>
public sealed class PredictionServedBatchJsonConverter : JsonConverter<PredictionServedBatch>
{
    /// <summary>The property holding the layout as it is (what the tracker's error queue gets back).</summary>
    public const string PropertyName = "events";

    /// <summary>The property holding the layout deflated (what workers publish).</summary>
    public const string DeflatedPropertyName = "deflated_events";
    // Flag bits of an event in the layout (read back by PredictionEventCursor).
    internal const byte HasClass = 1;
    internal const byte HasValue = 2;

    public override PredictionServedBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a prediction-served batch must be a JSON object");
        }
        byte[]? payload = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, PropertyName, StringComparison.OrdinalIgnoreCase))
            {
                payload = reader.GetBytesFromBase64();
            }
            else if (string.Equals(name, DeflatedPropertyName, StringComparison.OrdinalIgnoreCase))
            {
                payload = Inflate(reader.GetBytesFromBase64());
            }
            else
            {
                reader.Skip();
            }
        }
        return new PredictionServedBatch(payload is null ? [] : Decode(payload));
    }

    public override void Write(Utf8JsonWriter writer, PredictionServedBatch value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteBase64String(DeflatedPropertyName, PredictionEventCompression.Deflate(Encode(value.Events)));
        writer.WriteEndObject();
    }

    public static byte[] Encode(IReadOnlyList<PredictionServed> events)
    {
        using var buffer = new MemoryStream(events.Count * 96 + 4);
        using (var output = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            output.Write(events.Count);
            foreach (var e in events)
            {
                output.Write(e.Api);
                output.Write(e.Deployment);
                output.Write(e.RequestId);
                output.Write(e.At.UtcTicks);
                output.Write(e.StatusCode);
                output.Write(e.LatencyMilliseconds);
                output.Write(e.QueueWaitMilliseconds);
                output.Write(e.BatchSize);
                output.Write(e.WorkerId);
                output.Write((byte)((e.TrackedClass is null ? 0 : HasClass) | (e.TrackedValue is null ? 0 : HasValue)));
                if (e.TrackedClass is { } trackedClass)
                {
                    output.Write(trackedClass);
                }
                if (e.TrackedValue is { } trackedValue)
                {
                    output.Write(trackedValue);
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// An encoded payload as the body of a message like the ones MassTransit publishes (envelope with the message type,
    /// <c>message.events</c> in base64), for putting events back on a queue by hand (the tracker's error queue).
    /// </summary>
    public static byte[] Wrap(ReadOnlySpan<byte> payload)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(payload.Length * 4 / 3 + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messageType");
            writer.WriteStringValue($"urn:message:{typeof(PredictionServedBatch).Namespace}:{nameof(PredictionServedBatch)}");
            writer.WriteEndArray();
            writer.WriteStartObject("message");
            writer.WriteBase64String(PropertyName, payload);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Inflate(byte[] compressed)
    {
        try
        {
            return PredictionEventCompression.Inflate(compressed);
        }
        catch (FormatException exception)
        {
            throw new JsonException($"a prediction-served batch is malformed: {exception.Message}", exception);
        }
    }

    /// <summary>The events of an encoded payload, checked whole; their objects are made only when read.</summary>
    /// <exception cref="JsonException">The payload is cut short or malformed (MassTransit then moves the message to the error queue with this reason).</exception>
    public static EncodedPredictionEvents Decode(byte[] payload)
    {
        try
        {
            return EncodedPredictionEvents.Read(payload);
        }
        catch (FormatException exception)
        {
            throw new JsonException($"a prediction-served batch is cut short or malformed: {exception.Message}", exception);
        }
    }
}
