using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Bucketize: the bucket of x is how many boundaries are &lt;= x, counted by comparing x (given a trailing axis)
/// against the boundary vector and summing.
/// </summary>
public sealed class BucketizeLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Bucketize"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var type = context.InputElementType(node, 0);
        var boundaries = node.Attribute("boundaries")?.List?.F.ToArray() ?? [];
        var x = context.Input(node, 0);
        if (boundaries.Length == 0)
        {
            context.SetOutput(node, context.Emit("Cast", [context.Emit("Mul", [x, context.Scalar(type, 0)])], OnnxAttribute.Int("to", (long)OnnxDataTypes.ToOnnx(TensorDataType.Int32))));
            return;
        }
        var edges = context.Constant(new Tensor(TensorDataType.Float32, [boundaries.Length], boundaries), "boundaries");
        edges = context.CastIfNeeded(edges, TensorDataType.Float32, type);
        var expanded = context.Emit("Unsqueeze", [x, context.Int64s(-1)]);
        var atOrAbove = context.Emit("Cast", [context.Emit("GreaterOrEqual", [expanded, edges])], OnnxAttribute.Int("to", (long)OnnxDataTypes.ToOnnx(TensorDataType.Int32)));
        context.SetOutput(node, context.Emit("ReduceSum", [atOrAbove, context.Int64s(-1)], OnnxAttribute.Int("keepdims", 0)));
    }
}
