using Cortex.Queue.Contracts;
using Cortex.Queue.Storage;
using MassTransit;

namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// In distributed mode on PostgreSQL, records the progress and outcome of asynchronous requests for every
/// deployment on the broker; each ingress reads them back by (api, id).
/// </summary>
public sealed class AsyncResultRecorder(IAsyncResultStore store) : IConsumer<AsyncPredictionStarted>, IConsumer<AsyncPredictionFinished>
{
    public Task Consume(ConsumeContext<AsyncPredictionStarted> context) =>
        store.StartedAsync(context.Message.Api, [context.Message.Id], context.Message.At, context.CancellationToken);

    public Task Consume(ConsumeContext<AsyncPredictionFinished> context)
    {
        var message = context.Message;
        return store.FinishedAsync(message.Api, message.Id, message.StatusCode == 200, message.ResultJson, message.Error, message.At, context.CancellationToken);
    }
}
