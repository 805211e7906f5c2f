using Cortex.Queue.Contracts;
using MassTransit;

namespace Cortex.Queue.Worker.Hosting;

/// <summary>Tells every ingress which APIs this worker serves and with what signature.</summary>
public sealed class HeartbeatPublisher(ServedApiRegistry registry, IPublishEndpoint publisher)
{
    public Task PublishAsync(ServedApi api, CancellationToken cancellationToken) =>
        publisher.Publish(
            new WorkerHeartbeat(
                api.Config.Name,
                api.Options.WorkerId,
                api.Model.Signature,
                api.Model.Description,
                api.Config.Batching.MaxBatchSize,
                DateTimeOffset.UtcNow),
            cancellationToken);

    public async Task PublishAllAsync(CancellationToken cancellationToken)
    {
        foreach (var api in registry.Ready)
        {
            await PublishAsync(api, cancellationToken).ConfigureAwait(false);
        }
    }
}
