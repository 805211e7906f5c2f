using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>BroadcastTo(x, shape): ONNX Expand, which broadcasts by the same rules.</summary>
public sealed class BroadcastToLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["BroadcastTo"];

    public void Lower(FlatNode node, LoweringContext context) =>
        context.SetOutput(node, context.Emit("Expand", [context.Input(node, 0), context.InputAsInt64(node, 1)]));
}
