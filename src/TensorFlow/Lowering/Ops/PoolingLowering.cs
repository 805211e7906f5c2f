using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Max and average pooling, transposed to channels-first like convolutions. TF's SAME average pooling divides by
/// the number of real (unpadded) elements, which is ONNX's count_include_pad = 0.
/// </summary>
public sealed class PoolingLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["MaxPool", "MaxPoolV2", "AvgPool", "MaxPool3D", "AvgPool3D"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var spatialDims = node.Op.EndsWith("3D", StringComparison.Ordinal) ? 3 : 2;
        var channelsFirst = node.IsChannelsFirst();
        var ksize = node.Op == "MaxPoolV2" ? context.RequireInts(node, 1, "ksize") : node.Ints("ksize");
        var strides = node.Op == "MaxPoolV2" ? context.RequireInts(node, 2, "strides") : node.Ints("strides");
        var x = context.Input(node, 0);
        if (!channelsFirst)
        {
            x = Layouts.ToChannelsFirst(context, x, spatialDims);
        }
        var attributes = new List<Runtime.Onnx.Protos.AttributeProto>
        {
            OnnxAttribute.Ints("kernel_shape", Layouts.Spatial(node, ksize, spatialDims)),
            OnnxAttribute.Ints("strides", Layouts.Spatial(node, strides, spatialDims)),
        };
        attributes.AddRange(Layouts.Padding(node, spatialDims));
        var onnxOp = node.Op.StartsWith("Max", StringComparison.Ordinal) ? "MaxPool" : "AveragePool";
        if (onnxOp == "AveragePool")
        {
            attributes.Add(OnnxAttribute.Int("count_include_pad", 0));
        }
        var y = context.Emit(onnxOp, [x], [.. attributes]);
        context.SetOutput(node, channelsFirst ? y : Layouts.ToChannelsLast(context, y, spatialDims));
    }
}
