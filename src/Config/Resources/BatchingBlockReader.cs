using Cortex.Queue.Config.Validation;

namespace Cortex.Queue.Config.Resources;

/// <summary>Reads a <c>batching:</c> block: how many samples a worker runs through the model at once, and how long it waits to fill a batch.</summary>
internal static class BatchingBlockReader
{
    public const int LargestBatchSize = 4096;

    public static readonly TimeSpan LongestBatchTimeout = TimeSpan.FromSeconds(10);

    public static BatchingConfig Read(MappingReader? block)
    {
        var defaults = new BatchingConfig();
        if (block is null)
        {
            return defaults;
        }

        var maxBatchSize = block.Int("max_batch_size", minimum: 1, maximum: LargestBatchSize);
        var batchTimeout = block.Duration("batch_timeout", TimeSpan.Zero, minimumExclusive: false, LongestBatchTimeout);
        return new BatchingConfig
        {
            MaxBatchSize = maxBatchSize.Or(defaults.MaxBatchSize),
            BatchTimeout = batchTimeout.Or(defaults.BatchTimeout),
        };
    }
}
