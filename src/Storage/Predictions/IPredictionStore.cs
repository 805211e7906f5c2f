using Cortex.Queue.Contracts;

namespace Cortex.Queue.Storage;

/// <summary>
/// Keeps every served prediction and answers the monitoring questions about them. Rows are keyed by
/// (api, request id): appending an event that is already stored changes nothing, so redelivery never counts twice.
/// </summary>
public interface IPredictionStore
{
    /// <summary>Creates or migrates the schema; safe to call any number of times, from any number of processes.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>Stores the events in one transaction; returns how many were new.</summary>
    Task<int> AppendAsync(IReadOnlyList<PredictionServed> events, CancellationToken ct);

    /// <summary>How many predictions of <paramref name="api"/> are stored (all time).</summary>
    Task<long> CountAsync(string api, CancellationToken ct);

    /// <summary>
    /// Request, latency and tracked-value statistics of one API of <paramref name="deployment"/> over
    /// <paramref name="window"/> ending at <paramref name="now"/> (deployments sharing a database keep apart).
    /// </summary>
    Task<ApiMetrics> QueryMetricsAsync(string deployment, string api, MetricsWindow window, TrackedKind kind, DateTimeOffset now, CancellationToken ct);
}
