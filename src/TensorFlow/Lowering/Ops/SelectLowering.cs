using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Selection. SelectV2 broadcasts like ONNX Where. The older Select also accepts a vector condition choosing whole
/// rows of higher-rank operands, which needs the condition reshaped to [N, 1, ...]. One-input Where lists the
/// coordinates of true elements: ONNX NonZero gives them transposed.
/// </summary>
public sealed class SelectLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Select", "SelectV2", "Where"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        if (node.Op == "Where")
        {
            context.SetOutput(node, context.Emit("Transpose", [context.Emit("NonZero", [context.Input(node, 0)])], OnnxAttribute.Ints("perm", [1, 0])));
            return;
        }
        var condition = context.Input(node, 0);
        if (node.Op == "Select" && context.InputRank(node, 0) is 1 && context.InputRank(node, 1) is > 1 and var rank)
        {
            condition = context.Emit("Reshape", [condition, context.Int64s([-1, .. Enumerable.Repeat(1L, rank - 1)])]);
        }
        context.SetOutput(node, context.Emit("Where", [condition, context.Input(node, 1), context.Input(node, 2)]));
    }
}
