namespace Cortex.Queue.Cli.Monitoring;

/// <summary>
/// The parts of <c>GET /apis/{api}/metrics</c> the CLI prints (the per-bucket series is the dashboard's).
/// </summary>
/// <param name="ModelType">"classification", "regression", or null when the API has no tracker.</param>
public sealed record ApiMetrics(
    string Api,
    string Window,
    DateTimeOffset? From,
    DateTimeOffset? To,
    RequestTotals Requests,
    LatencySummary LatencyMs,
    string? ModelType,
    IReadOnlyList<ClassCount>? Classes,
    RegressionSummary? Regression);
