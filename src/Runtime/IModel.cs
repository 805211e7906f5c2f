using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime;

/// <summary>A loaded model, ready to run. Implementations are thread-safe for concurrent <see cref="Run"/> calls.</summary>
public interface IModel : IDisposable
{
    /// <summary>The served signature: inputs and outputs with dtypes and shapes (batch axis -1 when dynamic).</summary>
    ModelSignature Signature { get; }

    /// <summary>Where the model came from (resolved file or folder, and version when there were version folders).</summary>
    string Description { get; }

    /// <summary>Runs one batch. Every input of the signature must be present; returns every output of the signature.</summary>
    IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs);

    /// <summary>
    /// Things a user should hear about that did not stop the load (for example: a GPU was requested but the model runs
    /// on CPU). Hosts log them once after loading.
    /// </summary>
    IReadOnlyList<string> Warnings => [];
}
