using Cortex.Queue.TensorFlow.Signatures;

namespace Cortex.Queue.TensorFlow.Lowering;

/// <summary>A signature input and the placeholder node that stands for it in the <see cref="SignatureGraph"/>.</summary>
public sealed record SignatureInput(SignatureTensor Spec, string Node);
