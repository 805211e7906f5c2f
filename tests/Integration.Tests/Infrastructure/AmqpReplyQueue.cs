using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>What a plain AMQP client does to get answers: an exclusive reply queue, consumed; the first reply is kept.</summary>
public sealed class AmqpReplyQueue
{
    private readonly TaskCompletionSource<(string Body, string? CorrelationId, object? Status)> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AmqpReplyQueue(string name) => Name = name;

    /// <summary>The queue's name, for <c>reply_to</c>.</summary>
    public string Name { get; }

    public static async Task<AmqpReplyQueue> ConsumeAsync(IChannel channel)
    {
        var queue = new AmqpReplyQueue((await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true)).QueueName);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            object? status = null;
            delivery.BasicProperties.Headers?.TryGetValue("cortex-status", out status);
            queue._first.TrySetResult((Encoding.UTF8.GetString(delivery.Body.Span), delivery.BasicProperties.CorrelationId, status));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.Name, autoAck: true, consumer);
        return queue;
    }

    /// <summary>The first reply: its body as text, its correlation_id and its <c>cortex-status</c> header.</summary>
    public Task<(string Body, string? CorrelationId, object? Status)> FirstAsync(TimeSpan timeout) => _first.Task.WaitAsync(timeout);
}
