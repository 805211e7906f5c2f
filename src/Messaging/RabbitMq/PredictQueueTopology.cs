using Cortex.Queue.Contracts;
using RabbitMQ.Client;

namespace Cortex.Queue.Messaging.RabbitMq;

/// <summary>
/// Declares an API's queue the way every party expects it: <c>predict-{api}</c>, durable, no arguments, reached through
/// the default exchange (raw AMQP clients publish there with the queue name as routing key) and through a durable
/// fanout exchange of the same name bound to it (the topology MassTransit gives a receive endpoint, kept so either
/// may have declared it first). The ingress and the workers both declare it, so requests sent before any worker
/// started wait in the queue instead of being dropped as unroutable.
/// </summary>
public static class PredictQueueTopology
{
    public static async Task DeclareAsync(IChannel channel, string api, CancellationToken cancellationToken)
    {
        var queue = QueueNames.Predict(api);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(queue, queue, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
