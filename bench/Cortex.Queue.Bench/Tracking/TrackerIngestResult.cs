namespace Cortex.Queue.Bench.Tracking;

/// <summary>The tracker ingest benchmark: rounds of the same events through the tracker and by a raw COPY.</summary>
public sealed record TrackerIngestResult(
    int Events,
    int BatchSize,
    TimeSpan BatchTimeLimit,
    int ConcurrentBatches,
    IReadOnlyList<TrackerIngestRound> Rounds,
    string PostgresVersion,
    string PostgresSettings,
    string? SkipReason)
{
    /// <summary>The round with the median ratio (the lower middle one for an even count): the headline figure.</summary>
    public TrackerIngestRound Median => Rounds.OrderBy(round => round.Ratio).ElementAt((Rounds.Count - 1) / 2);

    public double RateOf(double seconds) => Events / seconds;

    public static TrackerIngestResult Skipped(string reason) => new(0, 0, TimeSpan.Zero, 0, [], "", "", reason);
}
