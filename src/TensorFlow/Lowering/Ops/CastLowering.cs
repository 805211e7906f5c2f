using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.TensorFlow.Values;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Cast to the node's DstT.</summary>
public sealed class CastLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["Cast"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var target = node.Type("DstT") ?? throw new NotSupportedException($"{node} has no DstT");
        var to = TensorFlowDataTypes.ToTensorDataType(target);
        context.SetOutput(node, context.Emit("Cast", [context.Input(node, 0)], OnnxAttribute.Int("to", (long)OnnxDataTypes.ToOnnx(to))));
    }
}
