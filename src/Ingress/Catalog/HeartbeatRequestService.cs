using Cortex.Queue.Contracts;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace Cortex.Queue.Ingress.Catalog;

/// <summary>At start, asks running workers to announce themselves so signatures are known before the next heartbeat.</summary>
public sealed class HeartbeatRequestService(IBus bus) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The bus may still be connecting; a few tries cover a slow broker without blocking start-up.
        for (var attempt = 0; attempt < 5 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await bus.Publish(new HeartbeatRequested(Environment.MachineName + "-" + Environment.ProcessId), stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
