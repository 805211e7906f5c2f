namespace Cortex.Queue.Contracts;

/// <summary>
/// One event of an encoded <see cref="PredictionServedBatch"/> read in place: the text fields are the UTF-8 bytes of
/// the message itself, so a store can copy them on (PostgreSQL's binary COPY takes UTF-8 text as it is) without
/// making a string of each.
/// </summary>
public readonly ref struct PredictionEventFields
{
    public ReadOnlySpan<byte> Api { get; init; }

    public ReadOnlySpan<byte> Deployment { get; init; }

    public ReadOnlySpan<byte> RequestId { get; init; }

    /// <summary>UTC ticks of <see cref="PredictionServed.At"/>.</summary>
    public long AtUtcTicks { get; init; }

    public int StatusCode { get; init; }

    public double LatencyMilliseconds { get; init; }

    public double QueueWaitMilliseconds { get; init; }

    public int BatchSize { get; init; }

    public ReadOnlySpan<byte> WorkerId { get; init; }

    public bool HasTrackedClass { get; init; }

    public ReadOnlySpan<byte> TrackedClass { get; init; }

    public bool HasTrackedValue { get; init; }

    public double TrackedValue { get; init; }
}
