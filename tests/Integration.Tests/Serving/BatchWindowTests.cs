using System.Text.Json;
using Cortex.Queue.Config;
using Cortex.Queue.Integration.Tests.Infrastructure;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Tensors;
using Cortex.Queue.Worker.Batching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cortex.Queue.Integration.Tests.Serving;

/// <summary>
/// <c>batching.batch_timeout</c> lets a batch with company wait for more samples, counted from when its oldest sample
/// reached the ingress: samples that already waited that long in the ingress and the queue run at once.
/// </summary>
public sealed class BatchWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Samples_that_just_arrived_wait_out_the_window_and_a_later_sample_joins_their_batch()
    {
        var sizes = await BatchSizesAsync(enqueuedBefore: TimeSpan.Zero);

        Assert.Equal([3, 3, 3], sizes);
    }

    [Fact]
    public async Task Samples_that_waited_longer_than_the_window_before_reaching_the_worker_run_at_once()
    {
        var sizes = await BatchSizesAsync(enqueuedBefore: TimeSpan.FromSeconds(10));

        Assert.Equal([2, 2, 1], sizes);
    }

    [Fact]
    public async Task A_stamp_from_a_clock_ahead_of_the_workers_waits_no_longer_than_the_window()
    {
        var started = DateTimeOffset.UtcNow;
        // The samples' stamps lie an hour in the future (an ingress whose clock runs ahead): the window is clamped
        // to its configured length instead of lasting until the stamp's time.
        var sizes = await BatchSizesAsync(enqueuedBefore: TimeSpan.FromHours(-1));

        Assert.Equal([3, 3, 3], sizes);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(8), "the batch waited far longer than its window");
    }

    /// <summary>
    /// Holds the model busy, queues two samples stamped <paramref name="enqueuedBefore"/> ago, frees the model, and
    /// 200 ms later submits a third: the batch sizes the three ran in.
    /// </summary>
    private static async Task<int[]> BatchSizesAsync(TimeSpan enqueuedBefore)
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "model.onnx");
        TestModels.WriteAffine(path);
        using var model = new GatedModel(OnnxModel.Load(path));
        await using var batcher = new SampleBatcher(new BatchExecutor(model, NullLogger.Instance), new BatchingConfig { MaxBatchSize = 8, BatchTimeout = Window });

        model.HoldNextRun();
        var blocker = batcher.SubmitAsync(Sample(model, "blocker", DateTimeOffset.UtcNow));
        Assert.True(await model.WaitUntilHeldAsync(), "the first sample never reached the model");
        var stampedAt = DateTimeOffset.UtcNow - enqueuedBefore;
        var first = batcher.SubmitAsync(Sample(model, "first", stampedAt));
        var second = batcher.SubmitAsync(Sample(model, "second", stampedAt));
        model.Open();
        await blocker;
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var third = batcher.SubmitAsync(Sample(model, "third", DateTimeOffset.UtcNow));

        var outcomes = await Task.WhenAll(first, second, third).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Error));
        return outcomes.Select(outcome => outcome.BatchSize).ToArray();
    }

    private static PendingSample Sample(GatedModel model, string requestId, DateTimeOffset enqueuedAt)
    {
        using var json = JsonDocument.Parse("""{"x": [1, 2, 3]}""");
        return new PendingSample(SampleParser.Parse(json.RootElement, model.Signature), requestId, debug: false, enqueuedAt);
    }
}
