using Cortex.Queue.Contracts;
using Cortex.Queue.Storage;

namespace Cortex.Queue.Bench.Tracking;

/// <summary>
/// The tracker's store, counting the rows each committed batch wrote, so the benchmark knows when the drain is done
/// without asking PostgreSQL: polling <c>count(*)</c> every 50 ms over a table of a million rows took a third of a
/// core from the very server being measured.
/// </summary>
public sealed class CountingPredictionStore(IPredictionStore inner) : IPredictionStore
{
    private long _stored;

    /// <summary>Rows written by batches whose COPY has committed.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);

    public async Task<int> AppendAsync(IReadOnlyList<PredictionServed> events, CancellationToken ct)
    {
        var written = await inner.AppendAsync(events, ct).ConfigureAwait(false);
        Interlocked.Add(ref _stored, written);
        return written;
    }

    public Task<long> CountAsync(string api, CancellationToken ct) => inner.CountAsync(api, ct);

    public Task<ApiMetrics> QueryMetricsAsync(string deployment, string api, MetricsWindow window, TrackedKind kind, DateTimeOffset now, CancellationToken ct) =>
        inner.QueryMetricsAsync(deployment, api, window, kind, now, ct);
}
