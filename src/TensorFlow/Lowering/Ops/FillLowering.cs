using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Tensors of one repeated value: Fill(dims, value), ZerosLike, OnesLike. Expand broadcasts a scalar to a run-time
/// shape without needing the value as a constant (ConstantOfShape would).
/// </summary>
public sealed class FillLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Fill", "ZerosLike", "OnesLike"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        switch (node.Op)
        {
            case "Fill":
                context.SetOutput(node, context.Emit("Expand", [context.Input(node, 1), context.InputAsInt64(node, 0)]));
                break;
            default:
                var type = context.InputElementType(node, 0);
                var scalar = context.Scalar(type, node.Op == "OnesLike" ? 1 : 0);
                context.SetOutput(node, context.Emit("Expand", [scalar, context.Emit("Shape", [context.Input(node, 0)])]));
                break;
        }
    }
}
