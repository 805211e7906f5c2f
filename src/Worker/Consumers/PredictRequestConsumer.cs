using Cortex.Queue.Contracts;
using Cortex.Queue.Tensors;
using Cortex.Queue.Worker.Batching;
using Cortex.Queue.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>
/// Takes one request off <c>predict-{api}</c>, parses it against the signature, waits for its batch, and replies:
/// to the MassTransit requester, to a raw AMQP client's <c>reply_to</c>, and to the result store for asynchronous
/// requests. The message is acknowledged only when this method returns, after the reply went out, so a worker
/// that dies mid-batch leaves its requests to be redelivered.
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

        // A raw AMQP client's message has no MassTransit envelope; its reply goes to reply_to as plain JSON.
        var isRaw = RawAmqpReply.IsRawAmqp(context) & RawAmqpReply.TryGetProperties(context, out var rawMessageId, out var rawReplyTo);
        var requestId = MessageHeaderReader.GetString(context, CortexHeaders.RequestId)
            ?? (isRaw ? rawMessageId : null)
            ?? context.MessageId?.ToString("N")
            ?? Guid.CreateVersion7().ToString("N");
        var asyncId = MessageHeaderReader.GetString(context, CortexHeaders.AsyncId) ?? (isRaw ? requestId : null);
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

        if (!isRaw && context.ResponseAddress is not null)
        {
            await context.RespondAsync(reply).ConfigureAwait(false);
        }
        else if (isRaw && !string.IsNullOrEmpty(rawReplyTo))
        {
            var body = reply.StatusCode == 200 ? reply.ResultJson! : ErrorBody.Write(reply.Error ?? "prediction failed", requestId);
            await RawAmqpReply.SendAsync(context, rawReplyTo, rawMessageId ?? requestId, reply.StatusCode, body).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Api}: dropped a request whose time to live had passed")]
    private static partial void LogExpired(ILogger logger, string api);
}
