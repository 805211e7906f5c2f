using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Reductions over the axes given by input 1. TF reduces nothing for an empty axis list, hence
/// noop_with_empty_axes; All/Any are min/max over booleans (opset 20 accepts bool).
/// </summary>
public sealed class ReductionLowering : IOpLowering
{
    private static readonly Dictionary<string, string> OnnxOps = new(StringComparer.Ordinal)
    {
        ["Mean"] = "ReduceMean",
        ["Sum"] = "ReduceSum",
        ["Max"] = "ReduceMax",
        ["Min"] = "ReduceMin",
        ["Prod"] = "ReduceProd",
        ["All"] = "ReduceMin",
        ["Any"] = "ReduceMax",
        ["EuclideanNorm"] = "ReduceL2",
    };

    public IReadOnlyCollection<string> Ops { get; } = [.. OnnxOps.Keys];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var axes = context.InputAsInt64(node, 1);
        if (context.InputRank(node, 1) is 0 || (context.TryConstant(node, 1, out var constant) && constant.Shape.Length == 0))
        {
            axes = context.Emit("Reshape", [axes, context.Int64s(1)]);
        }
        context.SetOutput(node, context.Emit(
            OnnxOps[node.Op],
            [context.Input(node, 0), axes],
            OnnxAttribute.Int("keepdims", node.Bool("keep_dims") ? 1 : 0),
            OnnxAttribute.Int("noop_with_empty_axes", 1)));
    }
}
