using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Ingress.AsyncResults;

/// <summary>
/// Records the progress and results of asynchronous requests in the result store. Events are published to every
/// deployment on the broker, so results of APIs this deployment does not have are left to their own deployment.
/// While the store is unreachable the message waits (<see cref="StoreOutageRetry"/>) instead of failing to the error queue.
/// </summary>
public sealed class AsyncResultConsumer(IAsyncResultStore store, ApiCatalog catalog, ILogger<AsyncResultConsumer> logger) : IConsumer<AsyncPredictionStarted>, IConsumer<AsyncPredictionFinished>
{
    public Task Consume(ConsumeContext<AsyncPredictionStarted> context) =>
        catalog.Find(context.Message.Api) is null
            ? Task.CompletedTask
            : StoreOutageRetry.RunAsync(
                () => store.StartedAsync(context.Message.Api, [context.Message.Id], context.Message.At, context.CancellationToken),
                "recording async results", logger, context.CancellationToken);

    public Task Consume(ConsumeContext<AsyncPredictionFinished> context)
    {
        var message = context.Message;
        return catalog.Find(message.Api) is null
            ? Task.CompletedTask
            : StoreOutageRetry.RunAsync(
                () => store.FinishedAsync(message.Api, message.Id, message.StatusCode == 200, message.ResultJson, message.Error, message.At, context.CancellationToken),
                "recording async results", logger, context.CancellationToken);
    }
}
