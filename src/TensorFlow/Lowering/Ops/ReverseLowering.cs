using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>ReverseV2 over constant axes: a Slice with step -1 from the last element past the first.</summary>
public sealed class ReverseLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["ReverseV2"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var axes = context.RequireInts(node, 1, "axes");
        if (axes.Length == 0)
        {
            context.SetOutput(node, context.Emit("Identity", [context.Input(node, 0)]));
            return;
        }
        var starts = context.Int64s(axes.Select(_ => -1L).ToArray());
        var ends = context.Int64s(axes.Select(_ => long.MinValue).ToArray());
        var steps = context.Int64s(axes.Select(_ => -1L).ToArray());
        context.SetOutput(node, context.Emit("Slice", [context.Input(node, 0), starts, ends, context.Int64s(axes), steps]));
    }
}
