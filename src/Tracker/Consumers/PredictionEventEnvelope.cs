using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Cortex.Queue.Contracts;

namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// Finds the encoded events in a <see cref="PredictionServedBatch"/> message as workers publish it (MassTransit's JSON
/// envelope, <c>{"message": {"deflated_events": "&lt;base64&gt;"}, ...}</c>, or <c>"events"</c> uncompressed as the error
/// queue holds them; a bare <c>{"events": ...}</c> body is taken too) and decodes them into a pooled buffer, skipping
/// every other part of the envelope in one scan. MassTransit's own deserializer parsed the whole envelope into a
/// document first and copied the events twice on their way.
/// </summary>
public static class PredictionEventEnvelope
{
    private const string MessageProperty = "message";

    /// <summary>Decodes the events of <paramref name="body"/> into a buffer rented from <see cref="ArrayPool{T}.Shared"/>; the caller returns it.</summary>
    /// <exception cref="FormatException">The body is not such a message, or its events are malformed.</exception>
    public static (byte[] Rented, EncodedPredictionEvents Events) Decode(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("a prediction-served message must be a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = reader.ValueTextEquals(MessageProperty);
                var events = EventsEncoding(ref reader);
                reader.Read();
                if (isMessage && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var found = EventsEncoding(ref reader);
                        reader.Read();
                        if (found is { } deflated)
                        {
                            return Read(ref reader, deflated);
                        }
                        reader.Skip();
                    }
                    break;
                }
                if (events is { } isDeflated)
                {
                    return Read(ref reader, isDeflated);
                }
                reader.Skip();
            }
        }
        catch (JsonException exception)
        {
            throw new FormatException($"a prediction-served message is not valid JSON: {exception.Message}", exception);
        }
        throw new FormatException("a prediction-served message has no \"message\".\"deflated_events\" or \"message\".\"events\" property");
    }

    /// <summary>At a property name: true for deflated events, false for events as they are, null for anything else.</summary>
    private static bool? EventsEncoding(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(PredictionServedBatchJsonConverter.DeflatedPropertyName) ? true
        : reader.ValueTextEquals(PredictionServedBatchJsonConverter.PropertyName) ? false
        : null;

    private static (byte[] Rented, EncodedPredictionEvents Events) Read(ref Utf8JsonReader reader, bool deflated)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new FormatException($"the events of a prediction-served message must be a base64 string, not {reader.TokenType}");
        }
        byte[] rented;
        int length;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            // Rare (a serializer that escapes '+' or '/'): let the reader unescape, then copy into a pooled buffer.
            var bytes = reader.GetBytesFromBase64();
            rented = ArrayPool<byte>.Shared.Rent(bytes.Length);
            bytes.CopyTo(rented, 0);
            length = bytes.Length;
        }
        else
        {
            var base64 = reader.ValueSpan;
            rented = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(base64.Length));
            if (Base64.DecodeFromUtf8(base64, rented, out _, out length) != OperationStatus.Done)
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw new FormatException("the events of a prediction-served message are not valid base64");
            }
        }
        if (deflated)
        {
            try
            {
                (var inflated, length) = PredictionEventCompression.InflateToPooled(rented, length);
                ArrayPool<byte>.Shared.Return(rented);
                rented = inflated;
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw;
            }
        }
        try
        {
            return (rented, EncodedPredictionEvents.Read(rented.AsMemory(0, length)));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented);
            throw;
        }
    }
}
