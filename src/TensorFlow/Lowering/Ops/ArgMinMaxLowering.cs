using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>ArgMax/ArgMin over a constant axis, dropping it; ONNX yields int64, cast to TF's output_type.</summary>
public sealed class ArgMinMaxLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["ArgMax", "ArgMin"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var axis = context.RequireInts(node, 1, "axis")[0];
        var index = context.Emit(node.Op, [context.Input(node, 0)], OnnxAttribute.Int("axis", axis), OnnxAttribute.Int("keepdims", 0));
        var outputType = node.Type("output_type") is { } declared ? TensorFlowDataTypes.ToTensorDataType(declared) : TensorDataType.Int64;
        context.SetOutput(node, context.CastIfNeeded(index, TensorDataType.Int64, outputType));
    }
}
