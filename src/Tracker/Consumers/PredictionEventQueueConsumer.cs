using System.Threading.Channels;
using Cortex.Queue.Contracts;
using Cortex.Queue.Messaging;
using Cortex.Queue.Messaging.RabbitMq;
using Cortex.Queue.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// The tracker's consumer of prediction events on RabbitMQ, on the broker's own client rather than through MassTransit:
/// each delivery's events are decoded from the message straight into a pooled buffer, several messages are stored
/// with one COPY (<see cref="TrackerOptions.BatchSize"/> or <see cref="TrackerOptions.BatchTimeLimit"/>), and the next
/// batch fills while one is written. Messages are acknowledged (all at once, in order) only after their batch is
/// committed, so a tracker that dies or loses the broker leaves them to be delivered again; the table's key keeps a
/// second delivery from counting twice. An unreachable database is waited out with the batch held; a batch that fails
/// for another reason is retried three times and then moved to <c>{queue}_error</c> (each message's events in an
/// envelope of their own, <see cref="PredictionServedBatchJsonConverter.Wrap"/>). A message that cannot be read goes
/// there at once, as received.
/// Through MassTransit (JSON document of each envelope, an object per event, its pipeline per message) a tracker drain
/// kept PostgreSQL busy ~75% of the time on two cores: the tracker's own CPU competed with the database it feeds.
/// </summary>
public sealed partial class PredictionEventQueueConsumer(
    MessagingOptions messaging,
    TrackerOptions options,
    IPredictionStore store,
    ILogger<PredictionEventQueueConsumer> logger) : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan[] FailureRetryIntervals = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    private volatile bool _consuming;

    private string ErrorQueue => $"{options.QueueName}_error";

    private int Prefetch => Math.Max(1, options.BatchSize) * Math.Max(2, options.ConcurrentBatches);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_consuming
            ? HealthCheckResult.Healthy($"consuming {options.QueueName}")
            : HealthCheckResult.Unhealthy($"not connected to RabbitMQ for {options.QueueName}"));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RabbitMqReconnectLoop.RunAsync(
            async (connected, ct) =>
            {
                try
                {
                    await ConsumeUntilDisconnectedAsync(connected, ct).ConfigureAwait(false);
                }
                finally
                {
                    _consuming = false;
                }
            },
            (exception, pause) => LogDisconnected(logger, options.QueueName, exception.Message, pause.TotalSeconds),
            stoppingToken);

    /// <summary>One connection's life: declare, consume, and store batches until the connection or the host stops.</summary>
    private async Task ConsumeUntilDisconnectedAsync(Action connected, CancellationToken stoppingToken)
    {
        var factory = RabbitMqConnections.Factory(messaging, $"cortex-tracker {options.QueueName}", automaticRecovery: false);
        // Declared before the channel so it is disposed after it: closing the channel raises its shutdown event.
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await using var connection = await factory.CreateConnectionAsync(stoppingToken).ConfigureAwait(false);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken).ConfigureAwait(false);
        channel.ChannelShutdownAsync += (_, _) =>
        {
            session.Cancel();
            return Task.CompletedTask;
        };

        // The exchange as MassTransit declares it for the workers' publishes (fanout, durable), so either may come first.
        await channel.ExchangeDeclareAsync(QueueNames.PredictionServedExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: stoppingToken).ConfigureAwait(false);
        if (options.TemporaryQueue)
        {
            await channel.QueueDeclareAsync(options.QueueName, durable: false, exclusive: false, autoDelete: true, new Dictionary<string, object?> { ["x-expires"] = 60_000 }, cancellationToken: stoppingToken).ConfigureAwait(false);
        }
        else
        {
            await channel.QueueDeclareAsync(options.QueueName, durable: true, exclusive: false, autoDelete: false, cancellationToken: stoppingToken).ConfigureAwait(false);
        }
        await channel.QueueBindAsync(options.QueueName, QueueNames.PredictionServedExchange, string.Empty, cancellationToken: stoppingToken).ConfigureAwait(false);
        await channel.BasicQosAsync(0, (ushort)Math.Min(Prefetch, ushort.MaxValue), false, stoppingToken).ConfigureAwait(false);

        var received = Channel.CreateUnbounded<ReceivedEventMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            // Decoded here, on the client's dispatch loop, while the previous batch is being written.
            received.Writer.TryWrite(ReceivedEventMessage.Read(delivery.DeliveryTag, delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(options.QueueName, autoAck: false, consumer, stoppingToken).ConfigureAwait(false);
        _consuming = true;
        connected();
        LogConsuming(logger, options.QueueName, options.BatchSize);

        Task? writing = null;
        try
        {
            while (true)
            {
                var batch = await NextBatchAsync(received.Reader, session.Token).ConfigureAwait(false);
                if (writing is not null)
                {
                    await writing.ConfigureAwait(false);
                }
                writing = StoreAndAcknowledgeAsync(channel, batch, session.Token);
            }
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
            // The connection went away or the host stops; unacknowledged messages return to the queue.
        }
        finally
        {
            if (writing is not null)
            {
                await writing.ConfigureAwait(false);
            }
            while (received.Reader.TryRead(out var left))
            {
                left.Release();
            }
        }
        stoppingToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException(connection.CloseReason?.ReplyText ?? "the channel was closed");
    }

    /// <summary>Waits for a first message, then takes more until the batch is full or its time limit has passed.</summary>
    private async Task<List<ReceivedEventMessage>> NextBatchAsync(ChannelReader<ReceivedEventMessage> reader, CancellationToken ct)
    {
        var batchSize = Math.Max(1, options.BatchSize);
        var batch = new List<ReceivedEventMessage>(batchSize) { await reader.ReadAsync(ct).ConfigureAwait(false) };
        using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
        window.CancelAfter(options.BatchTimeLimit);
        try
        {
            while (batch.Count < batchSize)
            {
                if (reader.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }
                if (!await reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The time limit: write what we have.
        }
        return batch;
    }

    /// <summary>Stores a batch and acknowledges its messages; never throws (a failure leaves them unacknowledged).</summary>
    private async Task StoreAndAcknowledgeAsync(IChannel channel, List<ReceivedEventMessage> batch, CancellationToken ct)
    {
        try
        {
            var unreadable = batch.Where(message => message.Events is null).ToList();
            foreach (var message in unreadable)
            {
                LogUnreadable(logger, options.QueueName, message.Error!, ErrorQueue);
                await MoveToErrorQueueAsync(channel, [message.Body!], message.Error!, ct).ConfigureAwait(false);
            }
            var events = EncodedPredictionEvents.Join(batch.Where(message => message.Events is not null).Select(message => message.Events!), options.Deployment);
            if (events.Count > 0 && !await StoreWithRetriesAsync(events, ct).ConfigureAwait(false))
            {
                await MoveToErrorQueueAsync(channel, [.. events.Payloads.Select(payload => PredictionServedBatchJsonConverter.Wrap(payload.Span))], "the events could not be stored (see the tracker's log)", ct).ConfigureAwait(false);
            }
            await channel.BasicAckAsync(batch[^1].DeliveryTag, multiple: true, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException || ct.IsCancellationRequested || exception is RabbitMQ.Client.Exceptions.AlreadyClosedException)
        {
            // Disconnected or stopping: the broker delivers these messages again.
        }
        catch (Exception exception)
        {
            LogBatchLeft(logger, options.QueueName, batch.Count, exception.Message);
        }
        finally
        {
            foreach (var message in batch)
            {
                message.Release();
            }
        }
    }

    /// <summary>
    /// True once stored; false after the retries for a failure other than an unreachable database, which is waited out
    /// for as long as it takes (<see cref="StoreOutageRetry"/>) while the rest of the events wait in the queue.
    /// </summary>
    private async Task<bool> StoreWithRetriesAsync(EncodedPredictionEvents events, CancellationToken ct)
    {
        var failures = 0;
        while (true)
        {
            try
            {
                var stored = await StoreOutageRetry.RunAsync(() => store.AppendAsync(events, ct), "storing prediction events", logger, ct).ConfigureAwait(false);
                if (stored < events.Count)
                {
                    LogDuplicatesSkipped(logger, events.Count - stored, events.Count);
                }
                return true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (failures == FailureRetryIntervals.Length)
                {
                    LogStoreFailed(logger, events.Count, exception.Message, ErrorQueue);
                    return false;
                }
                LogStoreRetry(logger, events.Count, exception.Message);
                await Task.Delay(FailureRetryIntervals[failures++], ct).ConfigureAwait(false);
            }
        }
    }

    private async Task MoveToErrorQueueAsync(IChannel channel, IReadOnlyList<byte[]> bodies, string reason, CancellationToken ct)
    {
        await channel.QueueDeclareAsync(ErrorQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct).ConfigureAwait(false);
        foreach (var body in bodies)
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = "application/vnd.masstransit+json",
                Headers = new Dictionary<string, object?> { [CortexHeaders.Error] = reason },
            };
            await channel.BasicPublishAsync(string.Empty, ErrorQueue, false, properties, body, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracker consuming {Queue} (up to {BatchSize} messages per write)")]
    private static partial void LogConsuming(ILogger logger, string queue, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tracker lost or could not reach RabbitMQ for {Queue}: {Reason}; reconnecting in {Seconds} s (unacknowledged events are delivered again)")]
    private static partial void LogDisconnected(ILogger logger, string queue, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message on {Queue} is not a prediction-served batch ({Reason}); moved to {ErrorQueue}")]
    private static partial void LogUnreadable(ILogger logger, string queue, string reason, string errorQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} prediction events failed ({Reason}); retrying")]
    private static partial void LogStoreRetry(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} prediction events failed after retries ({Reason}); their messages moved to {ErrorQueue}")]
    private static partial void LogStoreFailed(ILogger logger, int count, string reason, string errorQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} messages on {Queue} was left unacknowledged ({Reason}); the broker delivers it again")]
    private static partial void LogBatchLeft(ILogger logger, string queue, int count, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Duplicates} of {Count} prediction events already stored")]
    private static partial void LogDuplicatesSkipped(ILogger logger, int duplicates, int count);
}
