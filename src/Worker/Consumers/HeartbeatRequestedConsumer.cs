using Cortex.Queue.Contracts;
using Cortex.Queue.Worker.Hosting;
using MassTransit;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>An ingress that just started asks who is there; answer at once rather than at the next heartbeat.</summary>
public sealed class HeartbeatRequestedConsumer(HeartbeatPublisher heartbeats) : IConsumer<HeartbeatRequested>
{
    public Task Consume(ConsumeContext<HeartbeatRequested> context) => heartbeats.PublishAllAsync(context.CancellationToken);
}
