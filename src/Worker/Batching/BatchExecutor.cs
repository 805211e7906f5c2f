using System.Diagnostics;
using Cortex.Queue.Runtime;
using Cortex.Queue.Tensors;
using Microsoft.Extensions.Logging;

namespace Cortex.Queue.Worker.Batching;

/// <summary>
/// Runs one batch: stack the samples into one tensor per input, run the model once, split the outputs and complete
/// every sample. If the batched run fails, each sample is retried alone so that only the culprit fails.
/// </summary>
public sealed partial class BatchExecutor(IModel model, ILogger logger)
{
    private readonly bool _canStack = model.Signature.Inputs.Count > 0 && model.Signature.Inputs.All(i => i.HasDynamicBatchAxis);

    /// <summary>False when some input has no dynamic batch axis: such models run one sample at a time.</summary>
    public bool CanStack => _canStack;

    public void Execute(IReadOnlyList<PendingSample> batch)
    {
        var startedAt = DateTimeOffset.UtcNow;
        if (batch.Count == 1 || !_canStack)
        {
            foreach (var pending in batch)
            {
                RunAlone(pending, batch.Count, startedAt);
            }
            return;
        }

        var samples = new ParsedSample[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            samples[i] = batch[i].Sample;
        }
        // Samples whose free dimensions differ (say, sentences of different lengths) cannot share a tensor:
        // each group of alike samples runs as its own stacked batch.
        foreach (var group in TensorBatch.PartitionStackable(samples, model.Signature))
        {
            if (group.Count == 1)
            {
                RunAlone(batch[group[0]], batch.Count, startedAt);
            }
            else
            {
                RunStacked(batch, group, startedAt);
            }
        }
    }

    private void RunStacked(IReadOnlyList<PendingSample> batch, IReadOnlyList<int> group, DateTimeOffset startedAt)
    {
        var samples = new ParsedSample[group.Count];
        var rows = new int[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            samples[i] = batch[group[i]].Sample;
            rows[i] = samples[i].Rows;
        }

        IReadOnlyList<IReadOnlyDictionary<string, Tensor>> perSample;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var outputs = model.Run(TensorBatch.Stack(samples, model.Signature));
            perSample = TensorBatch.Split(outputs, rows);
        }
        catch (Exception exception)
        {
            LogBatchFailed(logger, group.Count, exception.Message);
            foreach (var index in group)
            {
                RunAlone(batch[index], batch.Count, startedAt);
            }
            return;
        }
        var inferenceMs = stopwatch.Elapsed.TotalMilliseconds;
        for (var i = 0; i < group.Count; i++)
        {
            Complete(batch[group[i]], perSample[i], batch.Count, startedAt, inferenceMs);
        }
    }

    private void RunAlone(PendingSample pending, int batchSize, DateTimeOffset startedAt)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var outputs = model.Run(TensorBatch.Stack([pending.Sample], model.Signature));
            var split = TensorBatch.Split(outputs, [pending.Sample.Rows]);
            Complete(pending, split[0], batchSize, startedAt, stopwatch.Elapsed.TotalMilliseconds);
        }
        catch (Exception exception)
        {
            LogSampleFailed(logger, pending.RequestId, exception);
            pending.Complete(SampleOutcome.Failed(
                406,
                $"prediction failed: {exception.Message}",
                batchSize,
                QueueWait(pending, startedAt),
                stopwatch.Elapsed.TotalMilliseconds));
        }
    }

    private static void Complete(PendingSample pending, IReadOnlyDictionary<string, Tensor> outputs, int batchSize, DateTimeOffset startedAt, double inferenceMs)
    {
        string json;
        try
        {
            json = TensorJsonWriter.WriteOutputs(outputs, dropLeadingAxis: !pending.Sample.IsBatched);
        }
        catch (Exception exception)
        {
            pending.Complete(SampleOutcome.Failed(406, $"prediction failed: the model's output could not be written as JSON: {exception.Message}", batchSize));
            return;
        }
        pending.Complete(new SampleOutcome(200, json, null, pending.Debug ? json : null, batchSize, QueueWait(pending, startedAt), inferenceMs));
    }

    private static double QueueWait(PendingSample pending, DateTimeOffset startedAt) =>
        Math.Max(0, (startedAt - pending.EnqueuedAt).TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {BatchSize} failed as a whole ({Reason}); running its samples one by one")]
    private static partial void LogBatchFailed(ILogger logger, int batchSize, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: prediction failed")]
    private static partial void LogSampleFailed(ILogger logger, string requestId, Exception exception);
}
