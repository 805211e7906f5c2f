namespace Cortex.Queue.Bench.Tracking;

/// <summary>One run of the tracker ingest benchmark: the same events through the tracker and by a raw COPY.</summary>
public sealed record TrackerIngestResult(
    int Events,
    int BatchSize,
    TimeSpan BatchTimeLimit,
    int ConcurrentBatches,
    double PublishSeconds,
    double TrackerSeconds,
    double RawCopySeconds,
    string PostgresVersion,
    string? SkipReason)
{
    public double TrackerRate => Events / TrackerSeconds;

    public double RawCopyRate => Events / RawCopySeconds;

    public double PublishRate => Events / PublishSeconds;

    public static TrackerIngestResult Skipped(string reason) => new(0, 0, TimeSpan.Zero, 0, 0, 0, 0, "", reason);
}
