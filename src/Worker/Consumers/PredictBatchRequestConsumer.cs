using Cortex.Queue.Contracts;
using Cortex.Queue.Worker.Hosting;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Consumers;

/// <summary>
/// Takes a group of samples the ingress coalesced into one message on the embedded (in-memory) bus, sends each into
/// the batcher like any other sample (so each fails or succeeds alone), and answers with one reply holding every
/// sample's answer. On RabbitMQ, <see cref="RabbitMqPredictConsumer"/> does the same with the binary group format.
/// </summary>
public sealed partial class PredictBatchRequestConsumer(ServedApi api, ILogger logger) : IConsumer<PredictBatchRequest>
{
    public async Task Consume(ConsumeContext<PredictBatchRequest> context)
    {
        if (context.Message.Samples is not { Count: > 0 } samples)
        {
            return;
        }
        var receivedAt = DateTimeOffset.UtcNow;
        if (context.ExpirationTime is { } expiration && expiration < receivedAt.UtcDateTime)
        {
            LogExpired(logger, api.Config.Name, samples.Count);
            return;
        }
        var enqueuedAt = MessageHeaderReader.GetUnixMilliseconds(context, CortexHeaders.EnqueuedAt)
            ?? (context.SentTime is { } sent ? new DateTimeOffset(sent, TimeSpan.Zero) : receivedAt);

        var replies = new Task<PredictReply>[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            replies[i] = SampleProcessor.ProcessAsync(api, samples[i], enqueuedAt, logger);
        }
        var answers = await Task.WhenAll(replies).ConfigureAwait(false);
        // Samples complete inline on the batch loop; leave it before serialising and sending the reply.
        await Task.Yield();
        if (context.ResponseAddress is not null)
        {
            await context.RespondAsync(new PredictBatchReply(answers)).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Api}: dropped {Count} coalesced requests whose time to live had passed")]
    private static partial void LogExpired(ILogger logger, string api, int count);
}
