using Cortex.Queue.Config;
using Cortex.Queue.Contracts;
using Cortex.Queue.Handlers.Invocation;
using Cortex.Queue.Handlers.Loading;
using Cortex.Queue.Messaging;
using Cortex.Queue.Runtime;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Worker.Batching;
using Cortex.Queue.Worker.Consumers;
using Cortex.Queue.Worker.Tracking;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Hosting;

/// <summary>
/// Serves one API: loads and warms its model, and only then connects the consumer of <c>predict-{api}</c>,
/// so no request is taken before the worker can answer it. Heartbeats follow until shutdown.
/// </summary>
public sealed partial class ApiWorkerService(
    ApiConfig api,
    WorkerOptions options,
    ModelLoader loader,
    IReceiveEndpointConnector connector,
    MessagingOptions messaging,
    IPublishEndpoint events,
    ServedApiRegistry registry,
    HeartbeatPublisher heartbeats,
    ILoggerFactory loggerFactory,
    PredictionTracking? tracking = null) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger($"Cortex.Queue.Worker.{api.Name}");
    private ServedApi? _served;
    private HostReceiveEndpointHandle? _endpoint;
    private RabbitMqPredictConsumer? _rabbitConsumer;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        // The handler first: a compile error is found in milliseconds, before the model's load and warm-up.
        LoadedRequestHandler? handler;
        try
        {
            handler = RequestHandlerLoader.Load(api);
        }
        catch (RequestHandlerLoadException exception)
        {
            LogHandlerFailed(_logger, api.Name, exception.Message);
            // A worker that cannot serve must not look like a clean exit to its supervisor (Kubernetes, a script).
            Environment.ExitCode = 1;
            throw;
        }
        IModel model;
        try
        {
            model = await Task.Run(() => loader.Load(api.Model, new ModelLoadOptions { SignatureKey = api.Model.SignatureKey, Gpu = api.Compute.Gpu, SpecificVersions = api.Model.Versions }), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogLoadFailed(_logger, api.Name, exception.Message);
            handler?.Dispose();
            throw;
        }
        foreach (var warning in model.Warnings)
        {
            LogModelWarning(_logger, api.Name, warning);
        }
        try
        {
            ModelWarmup.Run(model, Math.Min(api.Batching.MaxBatchSize, 8));
        }
        catch (ModelLoadException exception)
        {
            // Some models cannot run on zeros (lookups, parsers); they still serve real samples.
            LogModelWarning(_logger, api.Name, exception.Message);
        }
        LogModelReady(_logger, api.Name, model.Description, started.ElapsedMilliseconds);

        var executor = new BatchExecutor(model, _logger);
        var batcher = new SampleBatcher(executor, api.Batching);
        _served = new ServedApi(api, model, batcher, options, handler) { Tracking = tracking };

        var limit = Math.Max(1, api.Batching.MaxBatchSize * Math.Max(1, options.PrefetchBatches));
        if (messaging.UsesRabbitMq)
        {
            _rabbitConsumer = new RabbitMqPredictConsumer(_served, messaging, events, (ushort)Math.Min(limit, ushort.MaxValue), _logger);
            await _rabbitConsumer.StartAsync(stoppingToken).ConfigureAwait(false);
        }
        else
        {
            _endpoint = connector.ConnectReceiveEndpoint(QueueNames.Predict(api.Name), (_, endpoint) =>
            {
                endpoint.PrefetchCount = limit;
                endpoint.ConcurrentMessageLimit = limit;
                endpoint.Consumer(() => new PredictRequestConsumer(_served, _logger));
                endpoint.Consumer(() => new PredictBatchRequestConsumer(_served, _logger));
            });
            await _endpoint.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        registry.MarkReady(_served);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await heartbeats.PublishAsync(_served, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHeartbeatFailed(_logger, api.Name, exception.Message);
            }
            try
            {
                await Task.Delay(options.HeartbeatInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        registry.Remove(api.Name);
        if (_endpoint is not null)
        {
            await _endpoint.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        if (_rabbitConsumer is not null)
        {
            await _rabbitConsumer.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_served is not null)
        {
            await _served.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Api}: model ready ({Model}) in {Milliseconds} ms; consuming")]
    private static partial void LogModelReady(ILogger logger, string api, string model, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api}: {Warning}")]
    private static partial void LogModelWarning(ILogger logger, string api, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Api}: the model could not be loaded: {Reason}")]
    private static partial void LogLoadFailed(ILogger logger, string api, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Api}: the worker does not start: {Reason}")]
    private static partial void LogHandlerFailed(ILogger logger, string api, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Api}: heartbeat not published: {Reason}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string api, string reason);
}
