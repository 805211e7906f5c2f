using Cortex.Queue.Messaging;
using Cortex.Queue.Storage;
using Cortex.Queue.Tracker.Consumers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cortex.Queue.Tracker;

/// <summary>Adds the tracker's consumers to a bus set up with <c>AddCortexBus</c> (its own process, or inside <c>cortex up</c>).</summary>
public static class TrackerRegistration
{
    /// <summary>
    /// Registers the batch consumer of <c>prediction-served</c> on the queue <c>prediction-served-tracker</c>, and with
    /// <paramref name="recordAsyncResults"/> the recorder of async results (distributed mode on PostgreSQL). On RabbitMQ
    /// the events are consumed by <see cref="PredictionEventQueueConsumer"/> on the broker's own client (a hosted
    /// service with a health check); on the in-memory transport by MassTransit's batch consumer.
    /// </summary>
    public static void AddCortexTrackerConsumers(this IBusRegistrationConfigurator bus, TrackerOptions options, MessagingOptions messaging, bool recordAsyncResults)
    {
        bus.TryAddSingleton(options);
        if (recordAsyncResults)
        {
            bus.AddConsumer<AsyncResultRecorder>().Endpoint(endpoint => endpoint.Name = options.AsyncResultsQueueName);
        }
        if (messaging.UsesRabbitMq)
        {
            bus.AddSingleton<PredictionEventQueueConsumer>();
            bus.AddHostedService(provider => provider.GetRequiredService<PredictionEventQueueConsumer>());
            bus.AddHealthChecks().Add(new HealthCheckRegistration("prediction-events", provider => provider.GetRequiredService<PredictionEventQueueConsumer>(), HealthStatus.Unhealthy, tags: null));
            return;
        }
        bus.TryAddSingleton<StoreWriteGate>();
        var batchSize = Math.Max(1, options.BatchSize);
        var concurrentBatches = Math.Max(1, options.ConcurrentBatches);
        bus.AddConsumer<PredictionServedBatchConsumer>(consumer =>
        {
            consumer.Options<BatchOptions>(batch => batch
                .SetMessageLimit(batchSize)
                .SetTimeLimit(options.BatchTimeLimit)
                .SetConcurrencyLimit(concurrentBatches));

            // An unreachable database is waited out inside the consumer (StoreOutageRetry: one warning per outage, the
            // batch held for as long as it takes while the rest of the events wait in the queue). Other failures go the
            // usual way to the error queue after a few attempts.
            consumer.UseMessageRetry(retry =>
            {
                retry.Ignore<Exception>(StoreConnectivity.IsUnreachable);
                retry.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            });
        }).Endpoint(endpoint =>
        {
            endpoint.Name = options.QueueName;
            endpoint.Temporary = options.TemporaryQueue;
            // Every batch in flight must be able to fill up from the prefetched messages.
            endpoint.PrefetchCount = batchSize * concurrentBatches;
            endpoint.ConcurrentMessageLimit = batchSize * concurrentBatches;
        });
    }
}
