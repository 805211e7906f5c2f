using System.Collections.Concurrent;
using System.Text.Json;
using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress.Catalog;
using MassTransit;

namespace Cortex.Queue.Ingress.Queueing;

/// <summary>The embedded mode's way to the workers: MassTransit request/reply on the in-memory bus.</summary>
public sealed class MassTransitPredictQueue(IClientFactory clients, ISendEndpointProvider sendEndpoints, IngressOptions options) : IPredictQueue
{
    private readonly ConcurrentDictionary<string, IRequestClient<PredictBatchRequest>> _clients = new();

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<PredictReply>> RequestAsync(ApiState api, CoalescedSample[] samples, string? loneRequestId, DateTimeOffset enqueuedAt)
    {
        var client = _clients.GetOrAdd(api.Name, _ => clients.CreateRequestClient<PredictBatchRequest>(QueueAddress(api.Name), RequestTimeout.After(ms: (int)api.Config.Timeout.TotalMilliseconds)));
        try
        {
            var response = await client.GetResponse<PredictBatchReply>(new PredictBatchRequest(samples), request => request.UseExecute(context =>
            {
                context.TimeToLive = api.Config.Timeout;
                context.Durable = options.DurableSyncRequests;
                RequestHeaders.Stamp(context, loneRequestId, debug: false, enqueuedAt);
            })).ConfigureAwait(false);
            return response.Message.Replies;
        }
        catch (RequestTimeoutException)
        {
            throw new PredictionTimeoutException(api.Name, api.Config.Timeout);
        }
    }

    public async Task SubmitAsync(ApiState api, JsonElement sample, string asyncId, CancellationToken cancellationToken)
    {
        var endpoint = await sendEndpoints.GetSendEndpoint(QueueAddress(api.Name)).ConfigureAwait(false);
        await endpoint.Send(new PredictRequest(sample), context =>
        {
            context.Headers.Set(CortexHeaders.AsyncId, asyncId);
            RequestHeaders.Stamp(context, asyncId, debug: false, DateTimeOffset.UtcNow);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Uri QueueAddress(string api) => new($"queue:{QueueNames.Predict(api)}");
}
