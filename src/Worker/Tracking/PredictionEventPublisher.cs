using System.Threading.Channels;
using Cortex.Queue.Contracts;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Tracking;

/// <summary>
/// Publishes <see cref="PredictionServed"/> events off the reply path: workers hand each event to a bounded
/// channel and move on, and this service publishes them in the background. When the broker is unreachable the
/// events wait here (up to <see cref="WorkerOptions.TrackingBufferSize"/>) and are retried; only beyond that are
/// new events dropped, with a warning, because serving must never wait for monitoring.
/// </summary>
public sealed partial class PredictionEventPublisher : BackgroundService
{
    private const int MaxConcurrentPublishes = 64;
    private readonly Channel<PredictionServed> _events;
    private readonly IPublishEndpoint _publisher;
    private readonly ILogger<PredictionEventPublisher> _logger;
    private long _dropped;

    public PredictionEventPublisher(IPublishEndpoint publisher, WorkerOptions options, ILogger<PredictionEventPublisher> logger)
    {
        _publisher = publisher;
        _logger = logger;
        _events = Channel.CreateBounded<PredictionServed>(new BoundedChannelOptions(Math.Max(1, options.TrackingBufferSize))
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
        var pending = new List<PredictionServed>(MaxConcurrentPublishes);
        try
        {
            while (await _events.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (pending.Count < MaxConcurrentPublishes && _events.Reader.TryRead(out var served))
                {
                    pending.Add(served);
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
        var rest = new List<PredictionServed>();
        while (_events.Reader.TryRead(out var served))
        {
            rest.Add(served);
        }
        try
        {
            foreach (var chunk in rest.Chunk(MaxConcurrentPublishes))
            {
                await Task.WhenAll(chunk.Select(e => _publisher.Publish(e, flushLimit.Token))).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            LogFlushIncomplete(_logger, rest.Count, exception.Message);
        }
    }

    private async Task PublishUntilDoneAsync(List<PredictionServed> events, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                // Publishing concurrently lets the broker confirm many events per round trip.
                await Task.WhenAll(events.Select(e => _publisher.Publish(e, ct))).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A redelivered event is stored once (the tracker is idempotent by request id), so publishing the
                // whole group again is safe.
                LogPublishFailed(_logger, events.Count, exception.Message, delay.TotalSeconds);
                await Task.Delay(delay, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prediction events are arriving faster than they can be published; {Dropped} dropped so far (raise Worker__TrackingBufferSize to keep more)")]
    private static partial void LogDropped(ILogger logger, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} prediction events failed ({Reason}); retrying in {Seconds} s")]
    private static partial void LogPublishFailed(ILogger logger, int count, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down before {Count} prediction events were published: {Reason}")]
    private static partial void LogFlushIncomplete(ILogger logger, int count, string reason);
}
