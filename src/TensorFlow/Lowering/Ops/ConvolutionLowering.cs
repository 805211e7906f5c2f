using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Convolutions. ONNX Conv is channels-first with [out, in/group, kh, kw] weights; TF filters are [kh, kw, in, out]
/// (depthwise: [kh, kw, in, multiplier]), and TF data defaults to channels-last, so inputs, filters and outputs are
/// transposed around the Conv (ONNX Runtime folds the filter transposes into the constant weights).
/// </summary>
public sealed class ConvolutionLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Conv2D", "Conv3D", "DepthwiseConv2dNative"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var spatialDims = node.Op == "Conv3D" ? 3 : 2;
        var channelsFirst = node.IsChannelsFirst();
        var x = context.Input(node, 0);
        if (!channelsFirst)
        {
            x = Layouts.ToChannelsFirst(context, x, spatialDims);
        }
        long[] filterPerm = [spatialDims + 1, spatialDims, .. Enumerable.Range(0, spatialDims).Select(i => (long)i)];
        string weights;
        var attributes = new List<Runtime.Onnx.Protos.AttributeProto>
        {
            OnnxAttribute.Ints("strides", Layouts.Spatial(node, node.Ints("strides"), spatialDims)),
            OnnxAttribute.Ints("dilations", Layouts.Spatial(node, node.Ints("dilations"), spatialDims)),
        };
        attributes.AddRange(Layouts.Padding(node, spatialDims));
        if (node.Op == "DepthwiseConv2dNative")
        {
            var filterShape = context.Shapes.Of(node.Inputs[1]);
            if (filterShape is not [var kh, var kw, var channels, var multiplier] || channels < 0 || multiplier < 0)
            {
                throw new NotSupportedException($"{node} needs a filter of known shape [kh, kw, in, multiplier]");
            }
            // [kh, kw, in, m] -> [kh, kw, 1, in*m]: output channel c*m + j is filter[.., c, j], as ONNX groups expect.
            var grouped = context.Emit("Reshape", [context.Input(node, 1), context.Int64s(kh, kw, 1, channels * multiplier)]);
            weights = context.Emit("Transpose", [grouped], OnnxAttribute.Ints("perm", filterPerm));
            attributes.Add(OnnxAttribute.Int("group", channels));
        }
        else
        {
            weights = context.Emit("Transpose", [context.Input(node, 1)], OnnxAttribute.Ints("perm", filterPerm));
        }
        var y = context.Emit("Conv", [x, weights], [.. attributes]);
        context.SetOutput(node, channelsFirst ? y : Layouts.ToChannelsLast(context, y, spatialDims));
    }
}
