using Cortex.Queue.Contracts;
using MassTransit;

namespace Cortex.Queue.Ingress.Catalog;

/// <summary>Keeps the catalog's signatures and worker counts current.</summary>
public sealed class WorkerHeartbeatConsumer(ApiCatalog catalog) : IConsumer<WorkerHeartbeat>
{
    public Task Consume(ConsumeContext<WorkerHeartbeat> context)
    {
        var beat = context.Message;
        catalog.Find(beat.Api)?.RecordHeartbeat(beat.WorkerId, beat.Signature, beat.ModelDescription, beat.At);
        return Task.CompletedTask;
    }
}
