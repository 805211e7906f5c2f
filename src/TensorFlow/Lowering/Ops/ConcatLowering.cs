using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Joining tensors: ConcatV2 (axis as the last input), the older Concat (axis first), and Pack, which stacks along a
/// new axis (each input unsqueezed there, then concatenated; negative axes count from the output's end in both ops).
/// </summary>
public sealed class ConcatLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["ConcatV2", "Concat", "Pack"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        switch (node.Op)
        {
            case "ConcatV2":
                var last = node.Inputs.Count - 1;
                Concat(node, context, Enumerable.Range(0, last), context.RequireInts(node, last, "axis")[0]);
                break;
            case "Concat":
                Concat(node, context, Enumerable.Range(1, node.Inputs.Count - 1), context.RequireInts(node, 0, "axis")[0]);
                break;
            case "Pack":
                var axis = node.Int("axis", 0);
                var axes = context.Int64s(axis);
                var expanded = node.Inputs.Select((_, i) => context.Emit("Unsqueeze", [context.Input(node, i), axes])).ToList();
                context.SetOutput(node, expanded.Count == 1 ? expanded[0] : context.Emit("Concat", expanded, OnnxAttribute.Int("axis", axis)));
                break;
            default:
                throw new NotSupportedException($"no lowering for {node}");
        }
    }

    private static void Concat(FlatNode node, LoweringContext context, IEnumerable<int> valueInputs, long axis)
    {
        var values = valueInputs.Select(i => context.Input(node, i)).ToList();
        context.SetOutput(node, values.Count == 1 ? context.Emit("Identity", values) : context.Emit("Concat", values, OnnxAttribute.Int("axis", axis)));
    }
}
