namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// Lets one batch of a tracker process write to the prediction store at a time, while the next batch is already
/// received and decoded. Two COPYs at once into the same table ran no faster than one: both append to the same
/// newest pages of its indexes and contend for them, and the second batch arrived no sooner for it. Measured on
/// two cores, with two batches writing at once PostgreSQL spent its whole core on ~150,000 rows/s; with one writing
/// and one waiting, see docs/benchmarks.md.
/// </summary>
public sealed class StoreWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
