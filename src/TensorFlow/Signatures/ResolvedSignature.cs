using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Signatures;

/// <summary>The signature Cortex serves: its key, method, inputs and outputs (sorted by key) and input defaults.</summary>
public sealed record ResolvedSignature(
    string Key,
    string MethodName,
    IReadOnlyList<SignatureTensor> Inputs,
    IReadOnlyList<SignatureTensor> Outputs,
    IReadOnlyDictionary<string, TensorProto> Defaults)
{
    public ModelSignature ToModelSignature() =>
        new(Key, Inputs.Select(i => i.ToTensorSpec()).ToList(), Outputs.Select(o => o.ToTensorSpec()).ToList());
}
