using System.Text.Json;
using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress.Catalog;

namespace Cortex.Queue.Ingress.Queueing;

/// <summary>
/// The way from this ingress to an API's queue <c>predict-{api}</c> and back. On RabbitMQ it is the ingress's own AMQP
/// channel (<see cref="RabbitMqPredictQueue"/>); embedded, MassTransit's in-memory bus (<see cref="MassTransitPredictQueue"/>).
/// </summary>
public interface IPredictQueue
{
    /// <summary>Opens what the first request would otherwise open (connection, channel, reply consumer, queues).</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends a group of samples as one message and waits for the answers, one per sample in the same order.
    /// <paramref name="loneRequestId"/> is the request id of a group of one (stamped on the message for the logs);
    /// <paramref name="enqueuedAt"/>, when the oldest of the group reached the ingress (the message's
    /// <c>cortex-enqueued-at</c>, from which the worker's batch window and the queue-wait metric count).
    /// </summary>
    /// <exception cref="PredictionTimeoutException">No answer within the API's timeout.</exception>
    /// <exception cref="PredictQueueUnavailableException">The broker cannot take the message.</exception>
    Task<IReadOnlyList<PredictReply>> RequestAsync(ApiState api, CoalescedSample[] samples, string? loneRequestId, DateTimeOffset enqueuedAt);

    /// <summary>Queues an asynchronous request (persistent); the worker records its progress and result under <paramref name="asyncId"/>.</summary>
    Task SubmitAsync(ApiState api, JsonElement sample, string asyncId, CancellationToken cancellationToken);
}
