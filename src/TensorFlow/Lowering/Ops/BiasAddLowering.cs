using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// BiasAdd adds a per-channel vector. Channels-last it broadcasts as is; channels-first the bias is reshaped to
/// [C, 1, ..., 1] so it lines up with axis 1.
/// </summary>
public sealed class BiasAddLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["BiasAdd", "BiasAddV1"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var x = context.Input(node, 0);
        var bias = context.Input(node, 1);
        if (node.IsChannelsFirst())
        {
            var rank = context.InputRank(node, 0) ?? 4;
            bias = context.Emit("Reshape", [bias, context.Int64s([-1, .. Enumerable.Repeat(1L, rank - 2)])]);
        }
        context.SetOutput(node, context.Emit("Add", [x, bias]));
    }
}
