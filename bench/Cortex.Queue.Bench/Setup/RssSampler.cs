namespace Cortex.Queue.Bench.Setup;

/// <summary>Samples a process's RSS every 100 ms while a measurement runs; keeps the peak and the mean.</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly int _processId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;
    private double _sum;
    private int _count;

    public RssSampler(int processId)
    {
        _processId = processId;
        _loop = Task.Run(SampleAsync);
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    public double MeanBytes => _count == 0 ? 0 : _sum / _count;

    private async Task SampleAsync()
    {
        // Bounded by the owner's Dispose; the delay also ends the loop when the measurement is cancelled.
        while (!_stop.IsCancellationRequested)
        {
            if (ProcessMemory.ResidentBytes(_processId) is { } bytes)
            {
                if (bytes > _peak)
                {
                    Interlocked.Exchange(ref _peak, bytes);
                }
                _sum += bytes;
                _count++;
            }
            try
            {
                await Task.Delay(Interval, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
