using System.Globalization;
using System.Text.Json;
using Cortex.Queue.Contracts;
using Cortex.Queue.Ingress.Catalog;
using Cortex.Queue.Ingress.Dispatch;
using Cortex.Queue.Messaging;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Cortex.Queue.Ingress.Queueing;

/// <summary>
/// The ingress's way to the workers on RabbitMQ, spoken directly with RabbitMQ.Client rather than through MassTransit:
/// on this path every microsecond per message counts (a profile of the MassTransit request client showed its pipeline,
/// envelope and reply queue as a large share of the ingress's CPU per request). A coalesced group travels as one
/// binary message (<see cref="PredictGroupCodec"/>) with the API's timeout as its expiration, persistent unless
/// <see cref="IngressOptions.DurableSyncRequests"/> is off, confirmed by the broker; the answer comes back through
/// direct reply-to (<see cref="PredictQueueSession"/>). Asynchronous requests go as the raw AMQP contract's plain JSON
/// sample with the async id in headers.
/// </summary>
public sealed partial class RabbitMqPredictQueue(MessagingOptions messaging, IngressOptions options, ApiCatalog catalog, ILogger<RabbitMqPredictQueue> logger) : IPredictQueue, IAsyncDisposable
{
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _opening = new(1, 1);
    private PredictQueueSession? _session;
    private bool _disposed;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var session = await SessionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var api in catalog.All)
        {
            await session.EnsureQueueAsync(api.Name, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<PredictReply>> RequestAsync(ApiState api, CoalescedSample[] samples, string? loneRequestId, DateTimeOffset enqueuedAt)
    {
        var timeout = api.Config.Timeout;
        using var deadline = new CancellationTokenSource(timeout);
        PredictQueueSession session;
        try
        {
            session = await SessionAsync(deadline.Token).ConfigureAwait(false);
            await session.EnsureQueueAsync(api.Name, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new PredictionTimeoutException(api.Name, timeout);
        }

        var (correlationId, answer) = session.Expect();
        var properties = new BasicProperties
        {
            ContentType = PredictGroupCodec.ContentType,
            CorrelationId = correlationId,
            ReplyTo = PredictQueueSession.DirectReplyTo,
            Persistent = options.DurableSyncRequests,
            // Nobody waits for the answer after the timeout: the broker drops the request instead of a worker computing it.
            Expiration = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            Headers = Stamp(loneRequestId, enqueuedAt),
        };
        try
        {
            // Not cancelled midway (a half-written message would cost the channel); only no longer waited for.
            await session.Channel.BasicPublishAsync(string.Empty, QueueNames.Predict(api.Name), mandatory: false, properties, PredictGroupCodec.Encode(samples)).AsTask().WaitAsync(deadline.Token).ConfigureAwait(false);
            return await answer.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            session.Forget(correlationId);
            throw new PredictionTimeoutException(api.Name, timeout);
        }
        catch (Exception exception) when (exception is AlreadyClosedException or PublishException or OperationInterruptedException)
        {
            session.Forget(correlationId);
            throw new PredictQueueUnavailableException($"RabbitMQ did not take the request: {exception.Message}", exception);
        }
    }

    public async Task SubmitAsync(ApiState api, JsonElement sample, string asyncId, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(cancellationToken).ConfigureAwait(false);
        await session.EnsureQueueAsync(api.Name, cancellationToken).ConfigureAwait(false);
        var headers = Stamp(asyncId, DateTimeOffset.UtcNow);
        headers[CortexHeaders.AsyncId] = asyncId;
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            MessageId = asyncId,
            // An accepted asynchronous request must survive a broker restart: always persistent.
            Persistent = true,
            Headers = headers,
        };
        try
        {
            await session.Channel.BasicPublishAsync(string.Empty, QueueNames.Predict(api.Name), mandatory: false, properties, QueuedSampleBody.Json(sample).Bytes).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AlreadyClosedException or PublishException or OperationInterruptedException)
        {
            throw new PredictQueueUnavailableException($"RabbitMQ did not take the request: {exception.Message}", exception);
        }
    }

    private static Dictionary<string, object?> Stamp(string? requestId, DateTimeOffset enqueuedAt)
    {
        var headers = new Dictionary<string, object?>(2) { [CortexHeaders.EnqueuedAt] = enqueuedAt.ToUnixTimeMilliseconds() };
        if (requestId is not null)
        {
            headers[CortexHeaders.RequestId] = requestId;
        }
        return headers;
    }

    /// <summary>The open session, or a new one; while the broker is unreachable, tries once a second until <paramref name="cancellationToken"/> ends.</summary>
    private async Task<PredictQueueSession> SessionAsync(CancellationToken cancellationToken)
    {
        if (_session is { IsOpen: true } open)
        {
            return open;
        }
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_session is { IsOpen: true } current)
                {
                    return current;
                }
                if (_session is { } closed)
                {
                    _session = null;
                    await closed.DisposeAsync().ConfigureAwait(false);
                }
                try
                {
                    _session = await PredictQueueSession.OpenAsync(messaging, cancellationToken).ConfigureAwait(false);
                    LogConnected(logger, messaging.DescribeTransport());
                    return _session;
                }
                catch (Exception exception) when (exception is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
                {
                    LogUnreachable(logger, messaging.DescribeTransport(), exception.Message);
                    await Task.Delay(ReconnectPause, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _opening.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_session is { } session)
            {
                _session = null;
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _opening.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requests go to {Transport} (direct reply-to)")]
    private static partial void LogConnected(ILogger logger, string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Transport} is unreachable, trying again in 1 s: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string transport, string reason);
}
