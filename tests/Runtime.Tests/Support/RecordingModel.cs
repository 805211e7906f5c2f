using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests.Support;

/// <summary>Passes runs through to a real model and keeps what went in and came out.</summary>
public sealed class RecordingModel(IModel inner) : IModel
{
    public List<IReadOnlyDictionary<string, Tensor>> Calls { get; } = [];

    public IReadOnlyDictionary<string, Tensor>? LastOutputs { get; private set; }

    public ModelSignature Signature => inner.Signature;

    public string Description => inner.Description;

    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        Calls.Add(inputs);
        LastOutputs = inner.Run(inputs);
        return LastOutputs;
    }

    public void Dispose() => inner.Dispose();
}
