using RabbitMQ.Client;

namespace Cortex.Queue.Messaging.RabbitMq;

/// <summary>Connection factories for the components that speak AMQP themselves rather than through MassTransit.</summary>
public static class RabbitMqConnections
{
    /// <param name="clientName">Shown in the broker's connection list, so an operator sees which component holds it.</param>
    /// <param name="automaticRecovery">
    /// Off for consumers that acknowledge: after a reconnect the old delivery tags mean nothing, so they run their own
    /// reconnect loop and let the broker redeliver what was unacknowledged.
    /// </param>
    public static ConnectionFactory Factory(MessagingOptions options, string clientName, bool automaticRecovery) => new()
    {
        Uri = new Uri(options.RabbitMq ?? throw new InvalidOperationException("no RabbitMQ connection is configured")),
        AutomaticRecoveryEnabled = automaticRecovery,
        TopologyRecoveryEnabled = automaticRecovery,
        NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        ClientProvidedName = clientName,
    };
}
