using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Random tensors of a run-time shape (TF1 dropout masks keep these on the inference path): a zero tensor of that
/// shape gives RandomUniformLike / RandomNormalLike their shape.
/// </summary>
public sealed class RandomLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["RandomUniform", "RandomStandardNormal"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var type = node.Type("dtype") is { } dtype ? TensorFlowDataTypes.ToTensorDataType(dtype) : TensorDataType.Float32;
        var shaped = context.Emit("ConstantOfShape", [context.InputAsInt64(node, 0)]);
        var op = node.Op == "RandomUniform" ? "RandomUniformLike" : "RandomNormalLike";
        context.SetOutput(node, context.Emit(op, [shaped], OnnxAttribute.Int("dtype", (long)OnnxDataTypes.ToOnnx(type))));
    }
}
