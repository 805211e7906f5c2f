using Cortex.Queue.Tensors;

namespace Cortex.Queue.Handlers.Tests.Support;

/// <summary>The iris model's signature, as the runtime reads it: one float input of four features, a class index and probabilities out.</summary>
public static class Signatures
{
    public static ModelSignature Iris { get; } = new(
        "serving_default",
        [new TensorSpec("input", TensorDataType.Float32, [-1, 4])],
        [new TensorSpec("class_index", TensorDataType.Int64, [-1]), new TensorSpec("probabilities", TensorDataType.Float32, [-1, 3])]);
}
