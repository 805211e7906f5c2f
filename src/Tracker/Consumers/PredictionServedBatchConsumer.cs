using Cortex.Queue.Contracts;
using Cortex.Queue.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// Writes the events of several <see cref="PredictionServedBatch"/> messages to the prediction store in one write. A failed write throws, so the
/// whole batch stays unacknowledged in the queue and is retried (see <see cref="TrackerRegistration"/>): events are
/// removed from the queue only once they are stored.
/// </summary>
public sealed partial class PredictionServedBatchConsumer(IPredictionStore store, StoreWriteGate gate, TrackerOptions options, ILogger<PredictionServedBatchConsumer> logger) : IConsumer<Batch<PredictionServedBatch>>
{
    public async Task Consume(ConsumeContext<Batch<PredictionServedBatch>> context)
    {
        var events = new List<PredictionServed>(context.Message.Length * 16);
        foreach (var received in context.Message)
        {
            foreach (var served in received.Message.Events)
            {
                if (options.Deployment is null || served.Deployment == options.Deployment)
                {
                    events.Add(served);
                }
            }
        }
        var stored = await gate.RunAsync(() => store.AppendAsync(events, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        if (stored < events.Count)
        {
            // Redeliveries after a crash or an outage are expected; the key skips them.
            LogDuplicatesSkipped(logger, events.Count - stored, events.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Duplicates} of {Count} prediction events already stored")]
    private static partial void LogDuplicatesSkipped(ILogger logger, int duplicates, int count);
}
