using System.Threading.Channels;
using Cortex.Queue.Config;

namespace Cortex.Queue.Worker.Batching;

/// <summary>
/// Collects samples from concurrent consumers and hands them to the model in batches on one loop.
/// Unlike a fixed time window, a lone request on an idle queue runs at once; batches form by themselves while
/// the model is busy, and <see cref="BatchingConfig.BatchTimeout"/> only lets a batch that already has company
/// wait a little for more.
/// </summary>
public sealed class SampleBatcher : IAsyncDisposable
{
    private readonly Channel<PendingSample> _queue = Channel.CreateUnbounded<PendingSample>(new UnboundedChannelOptions { SingleReader = true });
    private readonly BatchExecutor _executor;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _batchTimeout;
    private readonly Task _loop;

    public SampleBatcher(BatchExecutor executor, BatchingConfig batching)
    {
        _executor = executor;
        _maxBatchSize = Math.Max(1, batching.MaxBatchSize);
        _batchTimeout = batching.BatchTimeout;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public Task<SampleOutcome> SubmitAsync(PendingSample sample)
    {
        if (!_queue.Writer.TryWrite(sample))
        {
            sample.Complete(SampleOutcome.Failed(503, "the worker is shutting down"));
        }
        return sample.Outcome;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingSample>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && reader.TryRead(out var sample))
            {
                batch.Add(sample);
            }
            if (batch.Count > 1 && batch.Count < _maxBatchSize && _batchTimeout > TimeSpan.Zero)
            {
                await FillAsync(batch, reader).ConfigureAwait(false);
            }
            if (batch.Count > 0)
            {
                _executor.Execute(batch);
            }
        }
    }

    private async Task FillAsync(List<PendingSample> batch, ChannelReader<PendingSample> reader)
    {
        using var window = new CancellationTokenSource(_batchTimeout);
        try
        {
            while (batch.Count < _maxBatchSize)
            {
                if (reader.TryRead(out var sample))
                {
                    batch.Add(sample);
                    continue;
                }
                if (!await reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The window closed: run what we have.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
