using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Transpose; ONNX takes the permutation as an attribute, so it must be a constant.</summary>
public sealed class TransposeLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Transpose"];

    public void Lower(FlatNode node, LoweringContext context) =>
        context.SetOutput(node, context.Emit("Transpose", [context.Input(node, 0)], OnnxAttribute.Ints("perm", context.RequireInts(node, 1, "permutation"))));
}
