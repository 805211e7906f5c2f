using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Signatures;

namespace Cortex.Queue.TensorFlow.Lowering;

/// <summary>A signature output and the tensor that computes it (rewired as passes remove nodes).</summary>
public sealed class SignatureOutput(SignatureTensor spec, FlatTensor tensor)
{
    public SignatureTensor Spec { get; } = spec;

    public FlatTensor Tensor { get; set; } = tensor;
}
