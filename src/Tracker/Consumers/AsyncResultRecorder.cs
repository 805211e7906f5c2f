using Cortex.Queue.Contracts;
using Cortex.Queue.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// In distributed mode on PostgreSQL, records the progress and outcome of asynchronous requests for every
/// deployment on the broker; each ingress reads them back by (api, id). While PostgreSQL is unreachable the message
/// waits (<see cref="StoreOutageRetry"/>) instead of failing to the error queue, so no result is lost to an outage.
/// </summary>
public sealed class AsyncResultRecorder(IAsyncResultStore store, ILogger<AsyncResultRecorder> logger) : IConsumer<AsyncPredictionStarted>, IConsumer<AsyncPredictionFinished>
{
    public Task Consume(ConsumeContext<AsyncPredictionStarted> context) =>
        StoreOutageRetry.RunAsync(
            () => store.StartedAsync(context.Message.Api, [context.Message.Id], context.Message.At, context.CancellationToken),
            "recording async results", logger, context.CancellationToken);

    public Task Consume(ConsumeContext<AsyncPredictionFinished> context)
    {
        var message = context.Message;
        return StoreOutageRetry.RunAsync(
            () => store.FinishedAsync(message.Api, message.Id, message.StatusCode == 200, message.ResultJson, message.Error, message.At, context.CancellationToken),
            "recording async results", logger, context.CancellationToken);
    }
}
