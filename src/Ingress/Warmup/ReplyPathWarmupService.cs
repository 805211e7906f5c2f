using Cortex.Queue.Ingress.Queueing;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Ingress.Warmup;

/// <summary>
/// Makes one request/reply round trip through the broker before the ingress reports ready. MassTransit creates the
/// bus's reply queue on first use; when that first use is a burst of concurrent requests, the declaration races the
/// sends and stalls for the client's 20 s operation timeout (seen in a development run: 64 concurrent first requests took 19 s,
/// the next 64 took 77 ms). One request at start takes that cost alone. Then the request path to the workers is opened
/// (on RabbitMQ its own connection, channel, reply consumer and the APIs' queues), so the first request does not wait for it.
/// </summary>
public sealed partial class ReplyPathWarmupService(IBus bus, IPredictQueue queueToWorkers, ReplyPathWarmup state, ILogger<ReplyPathWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Published, not sent to a queue: every ingress answers on its own temporary queue and the first reply wins.
        // A ping published before this ingress's own ping queue is bound is lost, hence short tries.
        var client = bus.CreateRequestClient<IngressPing>(RequestTimeout.After(s: 2));
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await client.GetResponse<IngressPong>(new IngressPing(Guid.NewGuid().ToString("N")), stoppingToken).ConfigureAwait(false);
                await queueToWorkers.ConnectAsync(stoppingToken).ConfigureAwait(false);
                state.MarkDone();
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt > 1)
                {
                    LogWarmupRetry(logger, attempt, exception.Message);
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply path warm-up attempt {Attempt} failed: {Reason}")]
    private static partial void LogWarmupRetry(ILogger logger, int attempt, string reason);
}
