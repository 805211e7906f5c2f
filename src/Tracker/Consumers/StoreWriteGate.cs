namespace Cortex.Queue.Tracker.Consumers;

/// <summary>
/// Lets one batch of a tracker process write to the prediction store at a time, while the next batch is already
/// received and decoded. Two COPYs at once into the same table ran no faster than one: both append to the same
/// newest pages of its indexes and contend for them. In development runs of the tracker benchmark on two cores
/// (3 rounds of 200,000 events, before the other changes of docs/benchmarks.md's run), two batches writing at once
/// drained ~150,000 events/s and one writing while the next waits ~176,000.
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
