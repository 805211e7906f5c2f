using System.Threading.Channels;
using Cortex.Queue.Contracts;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Messaging.Tracking;

/// <summary>
/// Publishes <see cref="PredictionServed"/> events off the reply path: workers (and the ingress, for the requests it
/// refuses itself) hand each event to a bounded channel and move on, and this service publishes what has accumulated
/// as one <see cref="PredictionServedBatch"/> (up to <see cref="PredictionServedBatch.MaxEvents"/> events), a few
/// messages at a time. When the broker is unreachable the events wait here (up to
/// <see cref="PredictionEventPublisherOptions.BufferSize"/>) and are retried; only beyond that are new events dropped,
/// with a warning, because serving must never wait for monitoring. One per process: <c>cortex up</c>'s ingress and
/// workers share it.
/// </summary>
public sealed partial class PredictionEventPublisher : BackgroundService
{
    private const int MaxConcurrentPublishes = 4;
    private readonly Channel<PredictionServed> _events;
    private readonly IPublishEndpoint _publisher;
    private readonly ILogger<PredictionEventPublisher> _logger;
    private readonly TimeSpan _publishInterval;
    private long _dropped;

    public PredictionEventPublisher(IPublishEndpoint publisher, PredictionEventPublisherOptions options, ILogger<PredictionEventPublisher> logger)
    {
        _publisher = publisher;
        _logger = logger;
        _publishInterval = options.PublishInterval;
        _events = Channel.CreateBounded<PredictionServed>(new BoundedChannelOptions(Math.Max(1, options.BufferSize))
        {
            SingleReader = true,
            // Wait mode makes TryWrite report a full buffer (DropWrite would drop silently); Enqueue never waits.
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Queues an event for publishing; never blocks.</summary>
    public void Enqueue(PredictionServed served)
    {
        if (!_events.Writer.TryWrite(served))
        {
            // Warn on the first drop and then every thousandth, so a long outage does not flood the log.
            var dropped = Interlocked.Increment(ref _dropped);
            if (dropped == 1 || dropped % 1000 == 0)
            {
                LogDropped(_logger, dropped);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new List<PredictionServedBatch>(MaxConcurrentPublishes);
        try
        {
            while (await _events.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_publishInterval > TimeSpan.Zero && _events.Reader.Count < PredictionServedBatch.MaxEvents)
                {
                    await Task.Delay(_publishInterval, stoppingToken).ConfigureAwait(false);
                }
                while (pending.Count < MaxConcurrentPublishes && Drain(PredictionServedBatch.MaxEvents) is { } batch)
                {
                    pending.Add(batch);
                }
                await PublishUntilDoneAsync(pending, stoppingToken).ConfigureAwait(false);
                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _events.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Events of the last requests are worth a short wait, while the bus is still up.
        using var flushLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flushLimit.CancelAfter(TimeSpan.FromSeconds(5));
        var rest = new List<PredictionServedBatch>();
        while (Drain(PredictionServedBatch.MaxEvents) is { } batch)
        {
            rest.Add(batch);
        }
        try
        {
            await Task.WhenAll(rest.Select(batch => _publisher.Publish(batch, flushLimit.Token))).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogFlushIncomplete(_logger, rest.Sum(batch => batch.Events.Count), exception.Message);
        }
    }

    /// <summary>Up to <paramref name="max"/> waiting events as one message, or null when none wait.</summary>
    private PredictionServedBatch? Drain(int max)
    {
        List<PredictionServed>? events = null;
        while ((events?.Count ?? 0) < max && _events.Reader.TryRead(out var served))
        {
            (events ??= new List<PredictionServed>(Math.Min(max, 64))).Add(served);
        }
        return events is null ? null : new PredictionServedBatch(events);
    }

    private async Task PublishUntilDoneAsync(List<PredictionServedBatch> batches, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                // Publishing a few messages concurrently lets the broker confirm them in one round trip.
                await Task.WhenAll(batches.Select(batch => _publisher.Publish(batch, ct))).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A redelivered event is stored once (the tracker is idempotent by request id), so publishing the
                // whole group again is safe.
                LogPublishFailed(_logger, batches.Sum(batch => batch.Events.Count), exception.Message, delay.TotalSeconds);
                await Task.Delay(delay, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prediction events are arriving faster than they can be published; {Dropped} dropped so far (raise Worker__TrackingBufferSize, or Ingress__TrackingBufferSize, to keep more)")]
    private static partial void LogDropped(ILogger logger, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} prediction events failed ({Reason}); retrying in {Seconds} s")]
    private static partial void LogPublishFailed(ILogger logger, int count, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down before {Count} prediction events were published: {Reason}")]
    private static partial void LogFlushIncomplete(ILogger logger, int count, string reason);
}
