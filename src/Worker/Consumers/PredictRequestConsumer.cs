using Cortex.Queue.Contracts;
using Cortex.Queue.Tensors;
using Cortex.Queue.Worker.Batching;
using Cortex.Queue.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>
/// Takes one request off <c>predict-{api}</c> on the embedded (in-memory) bus, parses it against the signature, waits
/// for its batch, and replies to the requester and, for asynchronous requests, to the result store. On RabbitMQ the
/// queue is read by <see cref="RabbitMqPredictConsumer"/> instead.
/// </summary>
public sealed partial class PredictRequestConsumer(ServedApi api, ILogger logger) : IConsumer<PredictRequest>
{
    public async Task Consume(ConsumeContext<PredictRequest> context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var apiName = api.Config.Name;
        if (context.ExpirationTime is { } expiration && expiration < receivedAt.UtcDateTime)
        {
            // Nobody waits for this answer anymore: do not spend the model on it.
            LogExpired(logger, apiName);
            return;
        }

        var requestId = MessageHeaderReader.GetString(context, CortexHeaders.RequestId)
            ?? context.MessageId?.ToString("N")
            ?? Guid.CreateVersion7().ToString("N");
        var asyncId = MessageHeaderReader.GetString(context, CortexHeaders.AsyncId);
        var debug = MessageHeaderReader.GetFlag(context, CortexHeaders.Debug);
        var enqueuedAt = MessageHeaderReader.GetUnixMilliseconds(context, CortexHeaders.EnqueuedAt)
            ?? (context.SentTime is { } sent ? new DateTimeOffset(sent, TimeSpan.Zero) : receivedAt);

        if (asyncId is not null)
        {
            await context.Publish(new AsyncPredictionStarted(apiName, asyncId, receivedAt)).ConfigureAwait(false);
        }

        var reply = await SampleProcessor.ProcessAsync(api, context.Message.Sample, requestId, debug, enqueuedAt, logger).ConfigureAwait(false);
        // Samples complete inline on the batch loop; leave it before publishing and replying.
        await Task.Yield();

        if (asyncId is not null)
        {
            await context.Publish(new AsyncPredictionFinished(apiName, asyncId, reply.StatusCode, reply.ResultJson, reply.Error, DateTimeOffset.UtcNow)).ConfigureAwait(false);
        }

        if (context.ResponseAddress is not null)
        {
            await context.RespondAsync(reply).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Api}: dropped a request whose time to live had passed")]
    private static partial void LogExpired(ILogger logger, string api);
}
