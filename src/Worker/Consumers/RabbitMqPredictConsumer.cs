using System.Text;
using Cortex.Queue.Contracts;
using Cortex.Queue.Messaging;
using Cortex.Queue.Messaging.RabbitMq;
using Cortex.Queue.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>
/// Consumes <c>predict-{api}</c> on RabbitMQ with RabbitMQ.Client directly (MassTransit's receive pipeline cost more
/// per message than a small model's call). It takes three kinds of message: the ingress's coalesced groups
/// (<see cref="PredictGroupCodec"/>, answered with one <see cref="PredictGroupReplyCodec"/> message to <c>reply_to</c>),
/// and plain JSON samples, from the ingress's asynchronous submissions and from raw AMQP clients, answered as JSON to
/// <c>reply_to</c> when there is one and recorded as asynchronous results. A message is acknowledged only after its
/// answer was published ahead of the acknowledgement on the same channel, so a worker that dies mid-batch leaves its
/// requests to be redelivered to another. The connection is re-opened after a loss (the broker redelivers what was unacknowledged on it).
/// </summary>
public sealed partial class RabbitMqPredictConsumer(ServedApi api, MessagingOptions messaging, IPublishEndpoint events, ushort prefetch, ILogger logger)
{
    private readonly TaskCompletionSource _consuming = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _inFlightLock = new();
    private int _inFlight;
    private TaskCompletionSource? _drained;
    private Task? _loop;

    private string Queue => QueueNames.Predict(api.Config.Name);

    private string ErrorQueue => Queue + "_error";

    /// <summary>Starts consuming; completes once the first consumer is registered with the broker.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return _consuming.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking messages, lets those in hand finish (up to the API's timeout), then closes the connection.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Task RunAsync() =>
        RabbitMqReconnectLoop.RunAsync(
            ConsumeUntilDisconnectedAsync,
            (exception, pause) => LogDisconnected(logger, api.Config.Name, messaging.DescribeTransport(), exception.Message, pause.TotalSeconds),
            _stopping.Token);

    private async Task ConsumeUntilDisconnectedAsync(Action connected, CancellationToken stoppingToken)
    {
        // Declared before the channel so it is disposed after it: closing the channel raises its shutdown event.
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await using var connection = await RabbitMqConnections.Factory(messaging, $"cortex-worker {api.Config.Name}", automaticRecovery: false).CreateConnectionAsync(stoppingToken).ConfigureAwait(false);
        // Answers and acknowledgements share one channel without publisher confirms: the broker handles a channel's
        // frames in order, so an acknowledgement it received means it received the answer published before it (a
        // confirm would add a frame and the broker's bookkeeping per message and guarantee nothing more for a
        // direct reply, which the broker forwards or drops at once). Moves to the error queue are written to disk, so
        // they go on a second channel with confirms and are acknowledged only once confirmed.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        await using var errors = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken).ConfigureAwait(false);
        // Either channel closing ends the session; the reconnect loop opens both again.
        Task EndSession(object? sender, ShutdownEventArgs args)
        {
            session.Cancel();
            return Task.CompletedTask;
        }
        channel.ChannelShutdownAsync += EndSession;
        errors.ChannelShutdownAsync += EndSession;
        await PredictQueueTopology.DeclareAsync(channel, api.Config.Name, stoppingToken).ConfigureAwait(false);
        await channel.BasicQosAsync(0, prefetch, false, stoppingToken).ConfigureAwait(false);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var message = QueuedMessage.Copy(delivery.DeliveryTag, delivery.Body, delivery.BasicProperties);
            Enter();
            // Off the client's dispatch loop: parsing a group's samples must not hold up the next delivery.
            _ = Task.Run(() => HandleAsync(channel, errors, message));
            return Task.CompletedTask;
        };
        var consumerTag = await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, stoppingToken).ConfigureAwait(false);
        _consuming.TrySetResult();
        connected();
        LogConsuming(logger, api.Config.Name, Queue, prefetch);

        try
        {
            await Task.Delay(Timeout.Infinite, session.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested && channel.IsOpen)
        {
            // Stopping: no new deliveries, then the ones in hand are answered and acknowledged before the channel closes.
            await channel.BasicCancelAsync(consumerTag, noWait: false, CancellationToken.None).ConfigureAwait(false);
            await DrainAsync(api.Config.Timeout).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        throw new InvalidOperationException(connection.CloseReason?.ReplyText ?? channel.CloseReason?.ReplyText ?? "the channel was closed");
    }

    private async Task HandleAsync(IChannel channel, IChannel errors, QueuedMessage message)
    {
        try
        {
            if (message.HasExpired(DateTimeOffset.UtcNow))
            {
                // Nobody waits for this answer anymore: do not spend the model on it.
                LogExpired(logger, api.Config.Name);
            }
            else if (message.IsGroup)
            {
                await AnswerGroupAsync(channel, message).ConfigureAwait(false);
            }
            else
            {
                await AnswerSampleAsync(channel, message).ConfigureAwait(false);
            }
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
        {
            // The channel went away: the broker hands the message to another consumer (or to this one after reconnecting).
        }
        catch (FormatException exception)
        {
            LogUnreadable(logger, api.Config.Name, message.ContentType ?? "(none)", exception.Message, ErrorQueue);
            await MoveToErrorQueueAsync(channel, errors, message, $"unreadable: {exception.Message}").ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, api.Config.Name, ErrorQueue);
            await MoveToErrorQueueAsync(channel, errors, message, $"not answered: {exception.Message}").ConfigureAwait(false);
        }
        finally
        {
            Leave();
        }
    }

    private async Task AnswerGroupAsync(IChannel channel, QueuedMessage message)
    {
        var samples = PredictGroupCodec.Decode(message.Body);
        var enqueuedAt = message.EnqueuedAt ?? DateTimeOffset.UtcNow;
        var replies = new Task<PredictReply>[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            replies[i] = SampleProcessor.ProcessAsync(api, samples[i], enqueuedAt, logger);
        }
        var answers = await Task.WhenAll(replies).ConfigureAwait(false);
        // Samples complete inline on the batch loop; leave it before encoding and sending the answer.
        await Task.Yield();
        if (!string.IsNullOrEmpty(message.ReplyTo))
        {
            var properties = new BasicProperties { ContentType = PredictGroupReplyCodec.ContentType, CorrelationId = message.CorrelationId };
            await channel.BasicPublishAsync(string.Empty, message.ReplyTo, mandatory: false, properties, PredictGroupReplyCodec.Encode(answers)).ConfigureAwait(false);
        }
    }

    /// <summary>A plain JSON sample: an asynchronous submission from the ingress or a raw AMQP client's request.</summary>
    private async Task AnswerSampleAsync(IChannel channel, QueuedMessage message)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var requestId = message.RequestId ?? message.MessageId ?? Guid.CreateVersion7().ToString("N");
        // Every such request is recorded as an asynchronous result: under the id the ingress gave it, or the client's message_id.
        var asyncId = message.AsyncId ?? requestId;
        await events.Publish(new AsyncPredictionStarted(api.Config.Name, asyncId, receivedAt)).ConfigureAwait(false);

        var reply = await SampleProcessor.ProcessAsync(api, message.Body, requestId, message.Debug, message.EnqueuedAt ?? receivedAt, logger).ConfigureAwait(false);
        // Samples complete inline on the batch loop; leave it before publishing and replying.
        await Task.Yield();

        await events.Publish(new AsyncPredictionFinished(api.Config.Name, asyncId, reply.StatusCode, reply.ResultJson, reply.Error, DateTimeOffset.UtcNow)).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(message.ReplyTo))
        {
            // The body is what the HTTP endpoint would return; the status code rides in a header.
            var body = reply.StatusCode == 200 ? reply.ResultJson! : ErrorBody.Write(reply.Error ?? "prediction failed", requestId);
            var properties = new BasicProperties
            {
                ContentType = "application/json",
                CorrelationId = message.MessageId ?? requestId,
                Headers = new Dictionary<string, object?> { [CortexHeaders.Status] = reply.StatusCode },
            };
            await channel.BasicPublishAsync(string.Empty, message.ReplyTo, mandatory: false, properties, Encoding.UTF8.GetBytes(body)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A message no worker can answer (unreadable, or its answer failed in a way retrying would repeat) goes to
    /// <c>predict-{api}_error</c> as it was received, with the reason in the <c>cortex-error</c> header, instead of
    /// returning to the queue forever or being dropped; its caller, if any, gets 504 after the API's timeout.
    /// </summary>
    private async Task MoveToErrorQueueAsync(IChannel channel, IChannel errors, QueuedMessage message, string reason)
    {
        try
        {
            await errors.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false).ConfigureAwait(false);
            var properties = new BasicProperties(message.Received);
            properties.Headers = new Dictionary<string, object?>(properties.Headers ?? new Dictionary<string, object?>()) { [CortexHeaders.Error] = reason };
            properties.Persistent = true;
            // The time to live would let the broker drop it from the error queue too.
            properties.Expiration = null;
            await errors.BasicPublishAsync(string.Empty, ErrorQueue, mandatory: false, properties, message.Body).ConfigureAwait(false);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AlreadyClosedException or OperationInterruptedException or ObjectDisposedException or RabbitMQ.Client.Exceptions.PublishException)
        {
            // Not moved: it stays unacknowledged and returns to the queue with the channel.
        }
    }

    private void Enter()
    {
        lock (_inFlightLock)
        {
            _inFlight++;
        }
    }

    private void Leave()
    {
        lock (_inFlightLock)
        {
            if (--_inFlight == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    private async Task DrainAsync(TimeSpan limit)
    {
        Task drained;
        lock (_inFlightLock)
        {
            if (_inFlight == 0)
            {
                return;
            }
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }
        try
        {
            await drained.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Left unacknowledged: the broker redelivers them when the channel closes.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Api}: consuming {Queue} (prefetch {Prefetch})")]
    private static partial void LogConsuming(ILogger logger, string api, string queue, int prefetch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api}: lost {Transport} ({Reason}); reconnecting in {Seconds} s")]
    private static partial void LogDisconnected(ILogger logger, string api, string transport, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Api}: dropped a request whose time to live had passed")]
    private static partial void LogExpired(ILogger logger, string api);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Api}: a message cannot be read (content type {ContentType}): {Reason}; moved to {ErrorQueue}")]
    private static partial void LogUnreadable(ILogger logger, string api, string contentType, string reason, string errorQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Api}: a message could not be answered; moved to {ErrorQueue}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string api, string errorQueue);
}
