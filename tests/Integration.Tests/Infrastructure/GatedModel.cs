using Cortex.Queue.Runtime;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>
/// A real model whose next run waits until the test opens the gate: while it is held, the samples a test submits
/// pile up in the batcher's queue, so the test decides what the next batch finds waiting.
/// </summary>
public sealed class GatedModel(IModel inner) : IModel
{
    private readonly SemaphoreSlim _entered = new(0);
    private readonly SemaphoreSlim _gate = new(0);
    private int _held;

    public ModelSignature Signature => inner.Signature;

    public string Description => inner.Description;

    /// <summary>Makes the next run wait for <see cref="Open"/>.</summary>
    public void HoldNextRun() => Interlocked.Exchange(ref _held, 1);

    /// <summary>Waits until a held run has started (and is waiting at the gate).</summary>
    public Task<bool> WaitUntilHeldAsync() => _entered.WaitAsync(TimeSpan.FromSeconds(10));

    public void Open() => _gate.Release();

    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        if (Interlocked.Exchange(ref _held, 0) == 1)
        {
            _entered.Release();
            _gate.Wait(TimeSpan.FromSeconds(10));
        }
        return inner.Run(inputs);
    }

    public void Dispose() => inner.Dispose();
}
