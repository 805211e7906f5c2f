using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>OneHot(indices, depth, on, off): ONNX takes the values as one [off, on] tensor.</summary>
public sealed class OneHotLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["OneHot"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var one = context.Int64s(1);
        var values = context.Emit("Concat", [context.Emit("Reshape", [context.Input(node, 3), one]), context.Emit("Reshape", [context.Input(node, 2), one])], OnnxAttribute.Int("axis", 0));
        context.SetOutput(node, context.Emit("OneHot", [context.Input(node, 0), context.Input(node, 1), values], OnnxAttribute.Int("axis", node.Int("axis", -1))));
    }
}
