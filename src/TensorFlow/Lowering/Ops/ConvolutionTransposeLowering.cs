using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Conv2DBackpropInput (Keras Conv2DTranspose): ONNX ConvTranspose with the requested output size. The TF filter
/// [kh, kw, out, in] maps to ONNX's [in, out, kh, kw] by the same permutation as forward convolutions, and the
/// padding is given explicitly, split as TF's forward SAME convolution splits it (odd element after).
/// </summary>
public sealed class ConvolutionTransposeLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Conv2DBackpropInput"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var channelsFirst = node.IsChannelsFirst();
        var outputSizes = context.RequireInts(node, 0, "input_sizes");
        var filterShape = context.Shapes.Of(node.Inputs[1]);
        var inputShape = context.Shapes.Of(node.Inputs[2]);
        var firstSpatial = channelsFirst ? 2 : 1;
        if (filterShape is not [var kh, var kw, _, _] || kh < 0 || kw < 0)
        {
            throw new NotSupportedException($"{node} needs a filter of known size");
        }
        var strides = Layouts.Spatial(node, node.Ints("strides"), 2);
        var dilations = Layouts.Spatial(node, node.Ints("dilations"), 2);
        long[] kernel = [kh, kw];
        long[] outputSpatial = [outputSizes[firstSpatial], outputSizes[firstSpatial + 1]];
        var same = node.String("padding", "VALID") == "SAME";
        var x = context.Input(node, 2);
        if (!channelsFirst)
        {
            x = Layouts.ToChannelsFirst(context, x, 2);
        }
        var weights = context.Emit("Transpose", [context.Input(node, 1)], OnnxAttribute.Ints("perm", [3, 2, 0, 1]));
        var common = new List<Runtime.Onnx.Protos.AttributeProto>
        {
            OnnxAttribute.Ints("strides", strides),
            OnnxAttribute.Ints("dilations", dilations),
        };
        if (inputShape is not { Length: 4 } || inputShape[firstSpatial] < 0 || inputShape[firstSpatial + 1] < 0)
        {
            // Sizes known only at run time: ONNX derives the padding from output_shape, putting the odd element last.
            common.Add(OnnxAttribute.Ints("output_shape", outputSpatial));
            if (same)
            {
                common.Add(OnnxAttribute.String("auto_pad", "SAME_UPPER"));
            }
            var dynamicY = context.Emit("ConvTranspose", [x, weights], [.. common]);
            context.SetOutput(node, channelsFirst ? dynamicY : Layouts.ToChannelsLast(context, dynamicY, 2));
            return;
        }
        var begins = new long[2];
        var ends = new long[2];
        var outputPadding = new long[2];
        for (var axis = 0; axis < 2; axis++)
        {
            var inputSize = inputShape[firstSpatial + axis];
            var effectiveKernel = ((kernel[axis] - 1) * dilations[axis]) + 1;
            var full = (strides[axis] * (inputSize - 1)) + effectiveKernel;
            var total = same ? Math.Max(full - outputSpatial[axis], 0) : 0;
            begins[axis] = total / 2;
            ends[axis] = total - (total / 2);
            // What the padded transposed convolution does not reach is the rows the forward convolution dropped.
            outputPadding[axis] = Math.Max(outputSpatial[axis] - (full - total), 0);
        }
        common.Add(OnnxAttribute.Ints("pads", [.. begins, .. ends]));
        common.Add(OnnxAttribute.Ints("output_padding", outputPadding));
        var y = context.Emit("ConvTranspose", [x, weights], [.. common]);
        context.SetOutput(node, channelsFirst ? y : Layouts.ToChannelsLast(context, y, 2));
    }
}
