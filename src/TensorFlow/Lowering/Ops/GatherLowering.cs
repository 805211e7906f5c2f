using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Gathers: GatherV2 (axis input), the older Gather and ResourceGather (axis 0; the variable is frozen by then),
/// and GatherNd, whose ONNX form wants int64 indices.
/// </summary>
public sealed class GatherLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["GatherV2", "Gather", "ResourceGather", "GatherNd"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var batchDims = node.Int("batch_dims", 0);
        if (node.Op == "GatherNd")
        {
            var indices = context.CastIfNeeded(context.Input(node, 1), context.InputElementType(node, 1), TensorDataType.Int64);
            context.SetOutput(node, context.Emit("GatherND", [context.Input(node, 0), indices], OnnxAttribute.Int("batch_dims", batchDims)));
            return;
        }
        if (batchDims != 0)
        {
            throw new NotSupportedException($"{node} gathers with batch_dims = {batchDims}, which is not supported");
        }
        var axis = node.Op == "GatherV2" ? context.RequireInts(node, 2, "axis")[0] : 0;
        context.SetOutput(node, context.Emit("Gather", [context.Input(node, 0), context.Input(node, 1)], OnnxAttribute.Int("axis", axis)));
    }
}
