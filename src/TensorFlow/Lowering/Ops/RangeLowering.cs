using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Range(start, limit, delta): the same three scalars in ONNX.</summary>
public sealed class RangeLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Range"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var type = context.InputElementType(node, 0);
        var bounds = Enumerable.Range(0, 3).Select(i => context.CastIfNeeded(context.Input(node, i), context.InputElementType(node, i), type)).ToList();
        context.SetOutput(node, context.Emit("Range", bounds));
    }
}
