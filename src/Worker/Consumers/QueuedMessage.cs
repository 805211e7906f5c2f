using System.Globalization;
using System.Text;
using Cortex.Queue.Contracts;
using RabbitMQ.Client;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>
/// What the worker keeps of one delivery from <c>predict-{api}</c>: its body (copied: the client reuses the buffer once
/// the delivery callback returns) and the properties and headers it acts on. Headers are read whether the ingress set
/// them (integers) or a raw AMQP client did (strings arrive as bytes).
/// </summary>
public sealed class QueuedMessage
{
    private QueuedMessage(ulong deliveryTag, byte[] body, IReadOnlyBasicProperties properties)
    {
        DeliveryTag = deliveryTag;
        Body = body;
        Properties = new BasicProperties(properties);
        ContentType = properties.ContentType;
        CorrelationId = properties.CorrelationId;
        MessageId = properties.MessageId;
        ReplyTo = properties.ReplyTo;
        var headers = properties.Headers;
        RequestId = ReadString(headers, CortexHeaders.RequestId);
        AsyncId = ReadString(headers, CortexHeaders.AsyncId);
        Debug = ReadString(headers, CortexHeaders.Debug) is { } flag && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1");
        EnqueuedAt = ReadString(headers, CortexHeaders.EnqueuedAt) is { } stamp && long.TryParse(stamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        TimeToLive = long.TryParse(properties.Expiration, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ttl) ? TimeSpan.FromMilliseconds(ttl) : null;
    }

    public ulong DeliveryTag { get; }

    public byte[] Body { get; }

    /// <summary>The message's properties as received, for moving it to the error queue unchanged.</summary>
    public BasicProperties Properties { get; }

    public string? ContentType { get; }

    public string? CorrelationId { get; }

    public string? MessageId { get; }

    public string? ReplyTo { get; }

    public string? RequestId { get; }

    public string? AsyncId { get; }

    public bool Debug { get; }

    /// <summary>When the ingress accepted the request; null from clients that do not stamp it.</summary>
    public DateTimeOffset? EnqueuedAt { get; }

    /// <summary>The AMQP expiration the sender set (the ingress: its API's timeout).</summary>
    public TimeSpan? TimeToLive { get; }

    public bool IsGroup => ContentType == PredictGroupCodec.ContentType;

    /// <summary>Whether nobody waits for the answer any more: the broker drops expired messages only at the head of the queue.</summary>
    public bool HasExpired(DateTimeOffset now) => EnqueuedAt is { } at && TimeToLive is { } ttl && at + ttl < now;

    public static QueuedMessage Copy(ulong deliveryTag, ReadOnlyMemory<byte> body, IReadOnlyBasicProperties properties) =>
        new(deliveryTag, body.ToArray(), properties);

    private static string? ReadString(IDictionary<string, object?>? headers, string name) =>
        headers is null || !headers.TryGetValue(name, out var value) || value is null
            ? null
            : value switch
            {
                string text => text,
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
}
