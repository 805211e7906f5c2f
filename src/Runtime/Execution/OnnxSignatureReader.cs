using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Cortex.Queue.Runtime.Execution;

/// <summary>Reads a session's inputs and outputs as a Cortex signature; ONNX models have exactly one.</summary>
internal static class OnnxSignatureReader
{
    public static ModelSignature Read(InferenceSession session, string description) => new(
        OnnxModel.SignatureKey,
        session.InputNames.Select(name => Spec("input", name, session.InputMetadata[name], description)).ToArray(),
        session.OutputNames.Select(name => Spec("output", name, session.OutputMetadata[name], description)).ToArray());

    private static TensorSpec Spec(string role, string name, NodeMetadata metadata, string description)
    {
        if (!metadata.IsTensor)
        {
            throw new ModelLoadException(
                $"{role} '{name}' of {description} is a {metadata.OnnxValueType}; Cortex serves models whose inputs and outputs are tensors");
        }
        if (!OnnxDataTypes.TryFromOnnx((int)metadata.ElementDataType, out var dataType))
        {
            throw new ModelLoadException(
                $"{role} '{name}' of {description} has element type {metadata.ElementDataType}, which Cortex cannot serve");
        }
        // ONNX Runtime reports symbolic (dim_param) and missing sizes alike as -1, which is Cortex's "dynamic".
        var shape = metadata.Dimensions.Select(d => d < 0 ? TensorSpec.DynamicDimension : (long)d).ToArray();
        return new TensorSpec(name, dataType, shape);
    }
}
