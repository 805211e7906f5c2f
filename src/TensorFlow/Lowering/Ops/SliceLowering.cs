using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Slice(input, begin, size): ONNX wants ends, so end = begin + size, with size -1 meaning "to the end".</summary>
public sealed class SliceLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Slice"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        string ends;
        if (context.TryConstant(node, 1, out _) && context.TryConstant(node, 2, out _))
        {
            var begin = context.RequireInts(node, 1, "begin");
            var size = context.RequireInts(node, 2, "size");
            ends = context.Int64s(begin.Zip(size, (b, s) => s == -1 ? long.MaxValue : b + s).ToArray());
        }
        else
        {
            var begin = context.InputAsInt64(node, 1);
            var size = context.InputAsInt64(node, 2);
            var toEnd = context.Emit("Equal", [size, context.Int64s(-1)]);
            ends = context.Emit("Where", [toEnd, context.Int64s(long.MaxValue), context.Emit("Add", [begin, size])]);
        }
        context.SetOutput(node, context.Emit("Slice", [context.Input(node, 0), context.InputAsInt64(node, 1), ends]));
    }
}
