using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Ops that only change a tensor's shape. TF's Reshape reads a 0 in the target shape as a zero-sized axis, ONNX's
/// (by default) as "copy the input's size", so allowzero is set.
/// </summary>
public sealed class ReshapeLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Reshape", "Squeeze", "ExpandDims"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var x = context.Input(node, 0);
        switch (node.Op)
        {
            case "Reshape":
                var allowZero = context.TryConstant(node, 1, out var target) && Analysis.TensorShapesAnalysis.ToLongs(target.Data).Contains(-1) ? 0 : 1;
                context.SetOutput(node, context.Emit("Reshape", [x, context.InputAsInt64(node, 1)], OnnxAttribute.Int("allowzero", allowZero)));
                break;
            case "Squeeze":
                var axes = node.Ints("squeeze_dims");
                context.SetOutput(node, axes.Length == 0 ? context.Emit("Squeeze", [x]) : context.Emit("Squeeze", [x, context.Int64s(axes)]));
                break;
            case "ExpandDims":
                var axis = context.TryConstant(node, 1, out _)
                    ? context.Int64s(context.RequireInts(node, 1, "axis")[0])
                    : context.Emit("Reshape", [context.InputAsInt64(node, 1), context.Int64s(1)]);
                context.SetOutput(node, context.Emit("Unsqueeze", [x, axis]));
                break;
            default:
                throw new NotSupportedException($"no lowering for {node}");
        }
    }
}
