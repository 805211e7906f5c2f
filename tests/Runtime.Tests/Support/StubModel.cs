using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests.Support;

/// <summary>A model with an empty signature whose run echoes its inputs.</summary>
public sealed class StubModel : IModel
{
    public ModelSignature Signature { get; } = new("predict", [], []);

    public string Description => "stub";

    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs) => inputs;

    public void Dispose()
    {
    }
}
