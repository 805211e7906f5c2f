namespace Cortex.Queue.Storage;

/// <summary>The answer of <c>GET /apis/{api}/metrics</c> (see the metrics contract); <see cref="Classes"/> or <see cref="Regression"/> follow <see cref="Kind"/>.</summary>
public sealed record ApiMetrics(
    string Api,
    MetricsWindow Window,
    DateTimeOffset From,
    DateTimeOffset To,
    RequestSummary Requests,
    PercentileSummary Latency,
    TrackedKind Kind,
    IReadOnlyList<ClassCount>? Classes,
    RegressionSummary? Regression,
    IReadOnlyList<MetricsBucket> Series);
