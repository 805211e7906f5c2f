using Cortex.Queue.Config;
using Cortex.Queue.Handlers.Invocation;
using Cortex.Queue.Runtime;
using Cortex.Queue.Worker.Batching;
using Cortex.Queue.Worker.Tracking;

namespace Cortex.Queue.Worker.Hosting;

/// <summary>An API this process serves once its model is loaded: the config, the model, its batcher and its request handler.</summary>
public sealed class ServedApi(ApiConfig config, IModel model, SampleBatcher batcher, WorkerOptions options, LoadedRequestHandler? handler = null) : IAsyncDisposable
{
    public ApiConfig Config { get; } = config;

    public IModel Model { get; } = model;

    public SampleBatcher Batcher { get; } = batcher;

    public WorkerOptions Options { get; } = options;

    /// <summary>Where answered samples become prediction events; null when nothing tracks (model-only hosts).</summary>
    public PredictionTracking? Tracking { get; init; }

    /// <summary>The compiled <c>request_handler</c>, or null when the API has none.</summary>
    public LoadedRequestHandler? Handler { get; } = handler;

    public async ValueTask DisposeAsync()
    {
        await Batcher.DisposeAsync().ConfigureAwait(false);
        Model.Dispose();
        Handler?.Dispose();
    }
}
