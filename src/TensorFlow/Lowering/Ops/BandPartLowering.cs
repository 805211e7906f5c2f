using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// MatrixBandPart keeps a band around the diagonal of the last two axes (causal attention masks). The band limits
/// map to ONNX Trilu: keep below k for the lower limit, above -k for the upper, both when both are bounded.
/// </summary>
public sealed class BandPartLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["MatrixBandPart"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var lower = context.RequireInts(node, 1, "num_lower")[0];
        var upper = context.RequireInts(node, 2, "num_upper")[0];
        var value = context.Input(node, 0);
        if (upper >= 0)
        {
            // Keep elements with column - row <= upper.
            value = context.Emit("Trilu", [value, context.Constant(new Tensors.Tensor(Tensors.TensorDataType.Int64, [], new[] { upper }), "k")], OnnxAttribute.Int("upper", 0));
        }
        if (lower >= 0)
        {
            // Keep elements with row - column <= lower.
            value = context.Emit("Trilu", [value, context.Constant(new Tensors.Tensor(Tensors.TensorDataType.Int64, [], new[] { -lower }), "k")], OnnxAttribute.Int("upper", 1));
        }
        context.SetOutput(node, lower < 0 && upper < 0 ? context.Emit("Identity", [value]) : value);
    }
}
