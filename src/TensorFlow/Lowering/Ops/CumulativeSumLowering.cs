using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Cumsum(x, axis) with TF's exclusive and reverse flags, which ONNX CumSum shares.</summary>
public sealed class CumulativeSumLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Cumsum"];

    public void Lower(FlatNode node, LoweringContext context) =>
        context.SetOutput(node, context.Emit("CumSum", [context.Input(node, 0), context.InputAsInt64(node, 1)],
            OnnxAttribute.Int("exclusive", node.Bool("exclusive") ? 1 : 0),
            OnnxAttribute.Int("reverse", node.Bool("reverse") ? 1 : 0)));
}
