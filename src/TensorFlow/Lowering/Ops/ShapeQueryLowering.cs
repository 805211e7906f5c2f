using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Shape, Size and Rank. ONNX returns int64; TF's out_type (int32 by default) gets a cast.</summary>
public sealed class ShapeQueryLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Shape", "ShapeN", "Size", "Rank"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var outputType = node.Type("out_type") is { } declared ? TensorFlowDataTypes.ToTensorDataType(declared) : TensorDataType.Int32;
        switch (node.Op)
        {
            case "Shape":
                context.SetOutput(node, context.CastIfNeeded(context.Emit("Shape", [context.Input(node, 0)]), TensorDataType.Int64, outputType));
                break;
            case "ShapeN":
                for (var i = 0; i < node.Inputs.Count; i++)
                {
                    context.SetOutput(node, i, context.CastIfNeeded(context.Emit("Shape", [context.Input(node, i)]), TensorDataType.Int64, outputType));
                }
                break;
            case "Size":
                context.SetOutput(node, context.CastIfNeeded(context.Emit("Size", [context.Input(node, 0)]), TensorDataType.Int64, outputType));
                break;
            case "Rank":
                var rank = context.Emit("Size", [context.Emit("Shape", [context.Input(node, 0)])]);
                context.SetOutput(node, context.CastIfNeeded(rank, TensorDataType.Int64, TensorDataType.Int32));
                break;
            default:
                throw new NotSupportedException($"no lowering for {node}");
        }
    }
}
