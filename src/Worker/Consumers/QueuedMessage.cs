using System.Globalization;
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
        Received = properties;
        ContentType = properties.ContentType;
        CorrelationId = properties.CorrelationId;
        MessageId = properties.MessageId;
        ReplyTo = properties.ReplyTo;
        var headers = properties.Headers;
        RequestId = Header(headers, CortexHeaders.RequestId);
        AsyncId = Header(headers, CortexHeaders.AsyncId);
        Debug = MessageHeaderReader.IsTrue(Header(headers, CortexHeaders.Debug));
        EnqueuedAt = MessageHeaderReader.FromUnixMilliseconds(Header(headers, CortexHeaders.EnqueuedAt));
        TimeToLive = long.TryParse(properties.Expiration, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ttl) ? TimeSpan.FromMilliseconds(ttl) : null;
    }

    public ulong DeliveryTag { get; }

    public byte[] Body { get; }

    /// <summary>The message's properties as received (parsed by the client, not tied to its buffer), for the error queue.</summary>
    public IReadOnlyBasicProperties Received { get; }

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

    private static string? Header(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? MessageHeaderReader.Text(value) : null;
}
