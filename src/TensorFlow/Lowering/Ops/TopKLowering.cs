using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>TopKV2 along the last axis, largest first; TF's indices are int32 where ONNX gives int64.</summary>
public sealed class TopKLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["TopKV2"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var k = context.Emit("Reshape", [context.InputAsInt64(node, 1), context.Int64s(1)]);
        var outputs = context.EmitMany("TopK", [context.Input(node, 0), k], 2,
            OnnxAttribute.Int("axis", -1), OnnxAttribute.Int("largest", 1), OnnxAttribute.Int("sorted", 1));
        context.SetOutput(node, 0, outputs[0]);
        context.SetOutput(node, 1, context.CastIfNeeded(outputs[1], TensorDataType.Int64, TensorDataType.Int32));
    }
}
