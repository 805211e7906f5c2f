using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Runtime.Onnx.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.Cli.Commands;

/// <summary>
/// Declares the SignatureDef's shapes on a lowered model's graph inputs and outputs. The runtime lowers without
/// them (TensorFlow does not enforce SignatureDef shapes, and Cortex serves the SavedModel's own signature), but a
/// standalone .onnx file is described only by what it declares: without shapes, tools (and Cortex's own
/// <c>onnx:</c> serving) see rank-less tensors.
/// </summary>
public static class ModelOnnxShapeAnnotator
{
    public static byte[] Annotate(byte[] onnxModel, ResolvedSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var model = ModelProto.Parser.ParseFrom(onnxModel);
        var declared = signature.Inputs.Concat(signature.Outputs)
            .Where(t => t.Dimensions is not null)
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Dimensions!, StringComparer.Ordinal);
        foreach (var value in model.Graph.Input.Concat(model.Graph.Output))
        {
            if (value.Type?.TensorType is { Shape: null } tensorType && declared.TryGetValue(value.Name, out var dimensions))
            {
                tensorType.Shape = Shape(dimensions);
            }
        }
        return model.ToByteArray();
    }

    private static TensorShapeProto Shape(IReadOnlyList<long> dimensions)
    {
        var shape = new TensorShapeProto();
        for (var axis = 0; axis < dimensions.Count; axis++)
        {
            shape.Dim.Add(dimensions[axis] switch
            {
                >= 0 => new TensorShapeProto.Types.Dimension { DimValue = dimensions[axis] },
                _ when axis == 0 => new TensorShapeProto.Types.Dimension { DimParam = OnnxGraphBuilder.BatchDimensionName },
                _ => new TensorShapeProto.Types.Dimension(),
            });
        }
        return shape;
    }
}
