using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Padding. TF's paddings are an [rank, 2] tensor of (before, after) pairs; ONNX wants all befores then all afters,
/// which is the transpose flattened.
/// </summary>
public sealed class PadLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Pad", "PadV2", "MirrorPad"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var pairs = context.InputAsInt64(node, 1);
        var pads = context.Emit("Reshape", [context.Emit("Transpose", [pairs], OnnxAttribute.Ints("perm", [1, 0])), context.Int64s(-1)]);
        var x = context.Input(node, 0);
        switch (node.Op)
        {
            case "Pad":
                context.SetOutput(node, context.Emit("Pad", [x, pads], OnnxAttribute.String("mode", "constant")));
                break;
            case "PadV2":
                context.SetOutput(node, context.Emit("Pad", [x, pads, context.Input(node, 2)], OnnxAttribute.String("mode", "constant")));
                break;
            default:
                var mode = node.String("mode", "REFLECT");
                if (mode != "REFLECT")
                {
                    throw new NotSupportedException($"{node} pads in {mode} mode; only REFLECT has an ONNX equivalent");
                }
                context.SetOutput(node, context.Emit("Pad", [x, pads], OnnxAttribute.String("mode", "reflect")));
                break;
        }
    }
}
