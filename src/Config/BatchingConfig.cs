namespace Cortex.Queue.Config;

/// <summary>The <c>batching:</c> block: how many samples a worker runs through the model at once.</summary>
public sealed record BatchingConfig
{
    public const int DefaultMaxBatchSize = 32;

    public static readonly TimeSpan DefaultBatchTimeout = TimeSpan.FromMilliseconds(2);

    public int MaxBatchSize { get; init; } = DefaultMaxBatchSize;

    /// <summary>
    /// How long a batch that already holds more than one sample may wait for more before it runs.
    /// A lone request on an idle queue never waits.
    /// </summary>
    public TimeSpan BatchTimeout { get; init; } = DefaultBatchTimeout;
}
