using System.Text;
using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>
/// Replies to a raw AMQP client (one that published a plain JSON sample with <c>reply_to</c>): the body is what the
/// HTTP endpoint would return, <c>correlation_id</c> is the request's <c>message_id</c>, and the status code is in
/// the <c>cortex-status</c> header. Published on the channel the request came in on, through the default exchange.
/// </summary>
public static class RawAmqpReply
{
    public const string StatusHeader = "cortex-status";

    public static bool IsRawAmqp(ConsumeContext context) =>
        context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out _)
        && context.ReceiveContext.ContentType?.MediaType is "application/json" or null or "";

    public static bool TryGetProperties(ConsumeContext context, out string? messageId, out string? replyTo)
    {
        messageId = null;
        replyTo = null;
        if (!context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit))
        {
            return false;
        }
        messageId = rabbit.Properties.MessageId;
        replyTo = rabbit.Properties.ReplyTo;
        return true;
    }

    public static async Task SendAsync(ConsumeContext context, string replyTo, string? correlationId, int statusCode, string bodyJson)
    {
        if (!context.ReceiveContext.TryGetPayload<ChannelContext>(out var channel))
        {
            throw new InvalidOperationException("no RabbitMQ channel on this message; raw replies need the RabbitMQ transport");
        }
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            CorrelationId = correlationId,
            Persistent = false,
            Headers = new Dictionary<string, object?> { [StatusHeader] = statusCode },
        };
        await channel.BasicPublishAsync(string.Empty, replyTo, false, properties, Encoding.UTF8.GetBytes(bodyJson), true, context.CancellationToken).ConfigureAwait(false);
    }
}
