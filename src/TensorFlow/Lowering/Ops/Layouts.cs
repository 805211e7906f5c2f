using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Transposes between TensorFlow's channels-last layout and the channels-first layout ONNX convolutions use.</summary>
internal static class Layouts
{
    public static string ToChannelsFirst(LoweringContext context, string value, int spatialDims) =>
        context.Emit("Transpose", [value], OnnxAttribute.Ints("perm", [0, spatialDims + 1, .. Enumerable.Range(1, spatialDims).Select(i => (long)i)]));

    public static string ToChannelsLast(LoweringContext context, string value, int spatialDims) =>
        context.Emit("Transpose", [value], OnnxAttribute.Ints("perm", [0, .. Enumerable.Range(2, spatialDims).Select(i => (long)i), 1]));

    /// <summary>ONNX pads ([begin..., end...]) or auto_pad for TensorFlow's padding attr over the spatial axes.</summary>
    public static Runtime.Onnx.Protos.AttributeProto[] Padding(Graphs.FlatNode node, int spatialDims)
    {
        var padding = node.String("padding", "VALID");
        switch (padding)
        {
            case "SAME":
                // TensorFlow puts the odd padding element after the data, as SAME_UPPER does.
                return [OnnxAttribute.String("auto_pad", "SAME_UPPER")];
            case "VALID":
                return [OnnxAttribute.String("auto_pad", "VALID")];
            case "EXPLICIT":
                var explicitPads = node.Ints("explicit_paddings");
                var firstSpatial = node.IsChannelsFirst() ? 2 : 1;
                var begins = Enumerable.Range(firstSpatial, spatialDims).Select(axis => explicitPads[2 * axis]);
                var ends = Enumerable.Range(firstSpatial, spatialDims).Select(axis => explicitPads[(2 * axis) + 1]);
                return [OnnxAttribute.Ints("pads", begins.Concat(ends))];
            default:
                throw new NotSupportedException($"{node} has padding '{padding}', which is not supported");
        }
    }

    /// <summary>The spatial entries of a per-axis attr (strides, dilations, ksize) given in the node's data format.</summary>
    public static long[] Spatial(Graphs.FlatNode node, long[] perAxis, int spatialDims)
    {
        if (perAxis.Length == 0)
        {
            return Enumerable.Repeat(1L, spatialDims).ToArray();
        }
        var first = node.IsChannelsFirst() ? 2 : 1;
        return perAxis.Skip(first).Take(spatialDims).ToArray();
    }
}
