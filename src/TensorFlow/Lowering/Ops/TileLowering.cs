using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Tile with its multiples as int64.</summary>
public sealed class TileLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Tile"];

    public void Lower(FlatNode node, LoweringContext context) =>
        context.SetOutput(node, context.Emit("Tile", [context.Input(node, 0), context.InputAsInt64(node, 1)]));
}
