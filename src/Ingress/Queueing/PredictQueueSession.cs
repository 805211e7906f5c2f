using System.Collections.Concurrent;
using Cortex.Queue.Contracts;
using Cortex.Queue.Messaging;
using Cortex.Queue.Messaging.RabbitMq;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Cortex.Queue.Ingress.Queueing;

/// <summary>
/// One connection and channel of the ingress to RabbitMQ: requests are published on the channel (with publisher
/// confirms) and their answers come back on the same channel through RabbitMQ's direct reply-to
/// (<c>amq.rabbitmq.reply-to</c>), which delivers a reply straight to this consumer without a reply queue, so an
/// answer costs the broker one hop instead of a queue's enqueue, delivery and acknowledgement. Direct reply-to ties
/// the answers to this channel: when it closes, the requests still waiting are failed at once (their answers can no
/// longer arrive) and the next request opens a new session.
/// </summary>
public sealed class PredictQueueSession : IAsyncDisposable
{
    public const string DirectReplyTo = "amq.rabbitmq.reply-to";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<PredictReply[]>> _pending = new();
    private readonly ConcurrentDictionary<string, Lazy<Task>> _declared = new();
    private readonly IConnection _connection;
    private long _nextCorrelation;
    private volatile string? _closedBecause;

    private PredictQueueSession(IConnection connection, IChannel channel)
    {
        _connection = connection;
        Channel = channel;
    }

    public IChannel Channel { get; }

    public bool IsOpen => _closedBecause is null && Channel.IsOpen;

    public static async Task<PredictQueueSession> OpenAsync(MessagingOptions messaging, CancellationToken cancellationToken)
    {
        var connection = await RabbitMqConnections.Factory(messaging, "cortex-ingress", automaticRecovery: false).CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken).ConfigureAwait(false);
            var session = new PredictQueueSession(connection, channel);
            channel.ChannelShutdownAsync += (_, reason) =>
            {
                session.FailAll($"the connection to RabbitMQ closed ({reason.ReplyText})");
                return Task.CompletedTask;
            };
            var replies = new AsyncEventingBasicConsumer(channel);
            replies.ReceivedAsync += (_, delivery) =>
            {
                session.Complete(delivery.BasicProperties.CorrelationId, delivery.Body.Span);
                return Task.CompletedTask;
            };
            // Direct reply-to requires automatic acknowledgement: the broker keeps no copy of an answer.
            await channel.BasicConsumeAsync(DirectReplyTo, autoAck: true, replies, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Declares <c>predict-{api}</c> once per session (a request sent before any worker started must wait in it).</summary>
    public Task EnsureQueueAsync(string api, CancellationToken cancellationToken) =>
        _declared.GetOrAdd(api, name => new Lazy<Task>(() => PredictQueueTopology.DeclareAsync(Channel, name, CancellationToken.None))).Value.WaitAsync(cancellationToken);

    /// <summary>Registers a request awaiting its answer; the returned id goes out as the message's correlation_id.</summary>
    public (string CorrelationId, Task<PredictReply[]> Answer) Expect()
    {
        var id = Interlocked.Increment(ref _nextCorrelation).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<PredictReply[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        if (_closedBecause is { } reason && _pending.TryRemove(id, out _))
        {
            answer.TrySetException(new PredictQueueUnavailableException(reason));
        }
        return (id, answer.Task);
    }

    /// <summary>Stops waiting for an answer (timed out, or its message never reached the broker).</summary>
    public void Forget(string correlationId) => _pending.TryRemove(correlationId, out _);

    private void Complete(string? correlationId, ReadOnlySpan<byte> body)
    {
        // An answer nobody waits for any more (its request timed out) is dropped here.
        if (correlationId is null || !_pending.TryRemove(correlationId, out var answer))
        {
            return;
        }
        try
        {
            answer.TrySetResult(PredictGroupReplyCodec.Decode(body));
        }
        catch (FormatException exception)
        {
            answer.TrySetException(new PredictQueueUnavailableException($"a worker's answer could not be read: {exception.Message}", exception));
        }
    }

    private void FailAll(string reason)
    {
        _closedBecause = reason;
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var answer))
            {
                answer.TrySetException(new PredictQueueUnavailableException(reason));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        FailAll("the ingress is stopping");
        await Channel.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
