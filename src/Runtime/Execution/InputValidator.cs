using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Execution;

/// <summary>
/// Checks a request against the signature before it reaches ONNX Runtime, whose own errors name kernels and internal
/// values rather than what the caller sent.
/// </summary>
internal static class InputValidator
{
    public static void Check(ModelSignature signature, IReadOnlyDictionary<string, Tensor> inputs)
    {
        foreach (var name in inputs.Keys)
        {
            if (signature.FindInput(name) is null)
            {
                throw new ArgumentException($"unknown input '{name}'; the model takes {Describe(signature)}", nameof(inputs));
            }
        }
        foreach (var spec in signature.Inputs)
        {
            if (!inputs.TryGetValue(spec.Name, out var tensor))
            {
                throw new ArgumentException($"input '{spec.Name}' is missing; the model takes {Describe(signature)}", nameof(inputs));
            }
            CheckOne(spec, tensor);
        }
    }

    private static void CheckOne(TensorSpec spec, Tensor tensor)
    {
        if (tensor.DataType != spec.DataType)
        {
            throw new ArgumentException(
                $"input '{spec.Name}' is {tensor.DataType.ToWireName()} but the model takes {spec.DataType.ToWireName()}", nameof(tensor));
        }
        var elementType = tensor.Data.GetType().GetElementType();
        if (elementType != TensorArrays.ElementType(spec.DataType))
        {
            throw new ArgumentException(
                $"input '{spec.Name}' is declared {spec.DataType.ToWireName()} but holds {elementType?.Name}[] data", nameof(tensor));
        }
        // ONNX Runtime reports an unknown rank as rank 0, so only a declared rank can be enforced here.
        if (spec.Rank == 0)
        {
            return;
        }
        var fits = tensor.Shape.Length == spec.Rank
            && tensor.Shape.Select((size, axis) => spec.Shape[axis] == TensorSpec.DynamicDimension || spec.Shape[axis] == size).All(ok => ok);
        if (!fits)
        {
            throw new ArgumentException(
                $"input '{spec.Name}' has shape [{string.Join(", ", tensor.Shape)}] but the model takes {spec.ShapeText}", nameof(tensor));
        }
    }

    private static string Describe(ModelSignature signature) =>
        string.Join(", ", signature.Inputs.Select(i => $"'{i.Name}' {i.DataType.ToWireName()} {i.ShapeText}"));
}
