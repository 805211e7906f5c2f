using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Splitting into several outputs: Split (equal parts, axis first), SplitV (given sizes, at most one -1 meaning
/// "the rest") and Unpack (one part per index along an axis, that axis removed).
/// </summary>
public sealed class SplitLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Split", "SplitV", "Unpack"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        switch (node.Op)
        {
            case "Split":
            {
                var count = (int)node.Int("num_split", 1);
                var axis = context.RequireInts(node, 0, "axis")[0];
                SetOutputs(node, context, context.EmitMany("Split", [context.Input(node, 1)], count, OnnxAttribute.Int("axis", axis), OnnxAttribute.Int("num_outputs", count)));
                break;
            }
            case "SplitV":
            {
                var axis = context.RequireInts(node, 2, "axis")[0];
                var sizes = context.RequireInts(node, 1, "size_splits");
                if (sizes.Contains(-1))
                {
                    var dimension = context.Shapes.Of(node.Inputs[0]) is { } shape ? shape[(int)(axis < 0 ? axis + shape.Length : axis)] : -1;
                    if (dimension < 0)
                    {
                        throw new NotSupportedException($"{node} splits an axis of unknown size with a -1 part");
                    }
                    sizes = sizes.Select(s => s == -1 ? dimension - sizes.Where(k => k != -1).Sum() : s).ToArray();
                }
                SetOutputs(node, context, context.EmitMany("Split", [context.Input(node, 0), context.Int64s(sizes)], sizes.Length, OnnxAttribute.Int("axis", axis)));
                break;
            }
            default:
            {
                var count = (int)node.Int("num", 1);
                var axis = node.Int("axis", 0);
                var parts = context.EmitMany("Split", [context.Input(node, 0)], count, OnnxAttribute.Int("axis", axis), OnnxAttribute.Int("num_outputs", count));
                var axes = context.Int64s(axis);
                SetOutputs(node, context, parts.Select(p => context.Emit("Squeeze", [p, axes])).ToList());
                break;
            }
        }
    }

    private static void SetOutputs(FlatNode node, LoweringContext context, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            context.SetOutput(node, i, values[i]);
        }
    }
}
