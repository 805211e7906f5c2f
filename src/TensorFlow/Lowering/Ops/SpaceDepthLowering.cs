using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// SpaceToDepth and DepthToSpace. ONNX's versions are channels-first; TF's channel order for DepthToSpace is ONNX's
/// "DCR" mode.
/// </summary>
public sealed class SpaceDepthLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["SpaceToDepth", "DepthToSpace"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var channelsFirst = node.IsChannelsFirst();
        var x = context.Input(node, 0);
        if (!channelsFirst)
        {
            x = Layouts.ToChannelsFirst(context, x, 2);
        }
        var blockSize = OnnxAttribute.Int("blocksize", node.Int("block_size", 2));
        var y = node.Op == "SpaceToDepth"
            ? context.Emit("SpaceToDepth", [x], blockSize)
            : context.Emit("DepthToSpace", [x], blockSize, OnnxAttribute.String("mode", "DCR"));
        context.SetOutput(node, channelsFirst ? y : Layouts.ToChannelsLast(context, y, 2));
    }
}
