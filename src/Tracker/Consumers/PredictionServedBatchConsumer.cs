using Cortex.Queue.Contracts;
using Cortex.Queue.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// Writes the events of several <see cref="PredictionServedBatch"/> messages to the prediction store in one write, on
/// MassTransit's in-memory transport (<c>cortex up</c> without RabbitMQ; on RabbitMQ, <see cref="PredictionEventQueueConsumer"/>
/// does this job). An unreachable store is waited out in place (<see cref="StoreOutageRetry"/>); another failed write
/// throws, so the whole batch stays unacknowledged and is retried (see <see cref="TrackerRegistration"/>): events are
/// removed from the queue only once they are stored.
/// </summary>
public sealed partial class PredictionServedBatchConsumer(IPredictionStore store, StoreWriteGate gate, TrackerOptions options, ILogger<PredictionServedBatchConsumer> logger) : IConsumer<Batch<PredictionServedBatch>>
{
    public async Task Consume(ConsumeContext<Batch<PredictionServedBatch>> context)
    {
        var events = Collect(context.Message, options.Deployment);
        var stored = await gate.RunAsync(
            () => StoreOutageRetry.RunAsync(() => store.AppendAsync(events, context.CancellationToken), "storing prediction events", logger, context.CancellationToken),
            context.CancellationToken).ConfigureAwait(false);
        if (stored < events.Count)
        {
            // Redeliveries after a crash or an outage are expected; the key skips them.
            LogDuplicatesSkipped(logger, events.Count - stored, events.Count);
        }
    }

    /// <summary>
    /// The events of the batch's messages as one list, only those of <paramref name="deployment"/> when set. Messages
    /// read off the wire keep their encoding (<see cref="EncodedPredictionEvents"/>), which the PostgreSQL store copies
    /// without making an object per event.
    /// </summary>
    private static IReadOnlyList<PredictionServed> Collect(Batch<PredictionServedBatch> batch, string? deployment)
    {
        var encoded = new List<EncodedPredictionEvents>(batch.Length);
        foreach (var received in batch)
        {
            if (received.Message.Events is EncodedPredictionEvents part)
            {
                encoded.Add(part);
            }
        }
        if (encoded.Count == batch.Length)
        {
            return EncodedPredictionEvents.Join(encoded, deployment);
        }
        var events = new List<PredictionServed>(batch.Length * 16);
        foreach (var received in batch)
        {
            foreach (var served in received.Message.Events)
            {
                if (deployment is null || served.Deployment == deployment)
                {
                    events.Add(served);
                }
            }
        }
        return events;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Duplicates} of {Count} prediction events already stored")]
    private static partial void LogDuplicatesSkipped(ILogger logger, int duplicates, int count);
}
