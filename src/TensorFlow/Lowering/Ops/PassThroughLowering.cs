using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Identity-like ops that survive the pass-through removal (there should be none, but they lower trivially).</summary>
public sealed class PassThroughLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Identity", "IdentityN", "Snapshot", "StopGradient", "PreventGradient"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        for (var i = 0; i < node.Inputs.Count; i++)
        {
            context.SetOutput(node, i, context.Emit("Identity", [context.Input(node, i)]));
        }
    }
}
