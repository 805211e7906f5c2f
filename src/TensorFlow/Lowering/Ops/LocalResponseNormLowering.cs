using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// LRN over the channels of NHWC data: TF sums squares over 2r+1 channels scaled by alpha; ONNX divides its alpha
/// by the window size, so it is given alpha * size.
/// </summary>
public sealed class LocalResponseNormLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["LRN"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var size = (2 * node.Int("depth_radius", 5)) + 1;
        var x = Layouts.ToChannelsFirst(context, context.Input(node, 0), 2);
        var y = context.Emit("LRN", [x],
            OnnxAttribute.Int("size", size),
            OnnxAttribute.Float("alpha", node.Float("alpha", 1f) * size),
            OnnxAttribute.Float("beta", node.Float("beta", 0.5f)),
            OnnxAttribute.Float("bias", node.Float("bias", 1f)));
        context.SetOutput(node, Layouts.ToChannelsLast(context, y, 2));
    }
}
