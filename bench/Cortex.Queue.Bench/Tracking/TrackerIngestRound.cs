namespace Cortex.Queue.Bench.Tracking;

/// <summary>
/// One round of the tracker ingest benchmark: the same events through the tracker and by a raw COPY, back to back, with
/// the CPU seconds PostgreSQL's processes used during each (null when PostgreSQL does not run on this machine).
/// </summary>
public sealed record TrackerIngestRound(double PublishSeconds, double TrackerSeconds, double RawCopySeconds, double? TrackerPostgresCpuSeconds, double? RawPostgresCpuSeconds)
{
    /// <summary>Tracker events/s over raw COPY events/s (the same event count, so the inverse ratio of the times).</summary>
    public double Ratio => RawCopySeconds / TrackerSeconds;
}
