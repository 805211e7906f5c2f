namespace Cortex.Queue.Bench.Load;

/// <summary>One virtual client's results; owned by that client alone, so it needs no locking.</summary>
internal sealed class ClientTally
{
    public List<double> LatenciesMs { get; } = new(4096);

    public long Failed { get; private set; }

    public string? FirstError { get; private set; }

    public void Fail(string error)
    {
        Failed++;
        FirstError ??= error;
    }
}
