using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Inference-mode batch normalization, y = x * scale / sqrt(variance + epsilon) + (offset - mean * that factor),
/// written as broadcast arithmetic so channels-last data needs no transposes (ONNX Runtime folds the per-channel
/// constants). Only output 0 (y) is served; the batch statistics outputs matter for training only.
/// </summary>
public sealed class BatchNormLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        if (node.Bool("is_training") && node.Inputs.Count >= 5 && !context.TryConstant(node, 3, out _))
        {
            throw new NotSupportedException($"{node} normalizes with batch statistics (is_training), which inference does not do");
        }
        var type = context.InputElementType(node, 1);
        var epsilon = context.Scalar(type, node.Float("epsilon", 0.0001f));
        var factor = context.Emit("Div", [context.Input(node, 1), context.Emit("Sqrt", [context.Emit("Add", [context.Input(node, 4), epsilon])])]);
        var shift = context.Emit("Sub", [context.Input(node, 2), context.Emit("Mul", [context.Input(node, 3), factor])]);
        if (node.IsChannelsFirst())
        {
            var rank = context.InputRank(node, 0) ?? 4;
            var perChannel = context.Int64s([-1, .. Enumerable.Repeat(1L, rank - 2)]);
            factor = context.Emit("Reshape", [factor, perChannel]);
            shift = context.Emit("Reshape", [shift, perChannel]);
        }
        var x = context.CastIfNeeded(context.Input(node, 0), context.InputElementType(node, 0), type);
        var y = context.Emit("Add", [context.Emit("Mul", [x, factor]), shift]);
        context.SetOutput(node, context.CastIfNeeded(y, type, context.InputElementType(node, 0)));
    }
}
