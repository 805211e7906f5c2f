using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Neural-network activations. TF's Softmax/LogSoftmax work on the last axis, ONNX's default since opset 13.</summary>
public sealed class ActivationLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } =
        ["Relu", "Relu6", "Elu", "Selu", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softplus", "Softsign", "LeakyRelu", "ClipByValue"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var x = context.Input(node, 0);
        context.SetOutput(node, node.Op switch
        {
            "Relu" => context.Emit("Relu", [x]),
            "Relu6" => Relu6(node, context, x),
            "Elu" => context.Emit("Elu", [x], OnnxAttribute.Float("alpha", 1f)),
            // ONNX's default alpha and gamma are TensorFlow's SELU constants rounded to float.
            "Selu" => context.Emit("Selu", [x]),
            "Sigmoid" => context.Emit("Sigmoid", [x]),
            "Tanh" => context.Emit("Tanh", [x]),
            "Softmax" => context.Emit("Softmax", [x], OnnxAttribute.Int("axis", -1)),
            "LogSoftmax" => context.Emit("LogSoftmax", [x], OnnxAttribute.Int("axis", -1)),
            "Softplus" => context.Emit("Softplus", [x]),
            "Softsign" => context.Emit("Softsign", [x]),
            "LeakyRelu" => context.Emit("LeakyRelu", [x], OnnxAttribute.Float("alpha", node.Float("alpha", 0.2f))),
            // Min/Max rather than Clip: TF's bounds may be tensors that broadcast, Clip's must be scalars.
            "ClipByValue" => context.Emit("Max", [context.Emit("Min", [x, context.Input(node, 2)]), context.Input(node, 1)]),
            _ => throw new NotSupportedException($"no lowering for {node}"),
        });
    }

    private static string Relu6(FlatNode node, LoweringContext context, string x)
    {
        var type = context.InputElementType(node, 0);
        return context.Emit("Clip", [x, context.Scalar(type, 0), context.Scalar(type, 6)]);
    }
}
