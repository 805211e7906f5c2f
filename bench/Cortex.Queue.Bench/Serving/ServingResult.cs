namespace Cortex.Queue.Bench.Serving;

/// <summary>Everything measured for one model on one transport, or why it was skipped.</summary>
public sealed record ServingResult(
    ServingScenario Scenario,
    Transport Transport,
    string? SkipReason,
    TimeSpan StartupTime,
    long? IdleProcessRss,
    long? IdleWorkerRss,
    int AnswersCompared,
    int AnswersIdentical,
    IReadOnlyList<ConcurrencyResult> Levels)
{
    public static ServingResult Skipped(ServingScenario scenario, Transport transport, string reason) =>
        new(scenario, transport, reason, TimeSpan.Zero, null, null, 0, 0, []);
}
