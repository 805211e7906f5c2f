using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Element-wise ops of two (or, for AddN, more) broadcast inputs; TF and ONNX broadcast alike (NumPy rules).</summary>
public sealed class ElementwiseBinaryLowering : IOpLowering
{
    private static readonly Dictionary<string, string> Direct = new(StringComparer.Ordinal)
    {
        ["Sub"] = "Sub",
        ["Mul"] = "Mul",
        ["Maximum"] = "Max",
        ["Minimum"] = "Min",
        ["Pow"] = "Pow",
        ["Equal"] = "Equal",
        ["Less"] = "Less",
        ["LessEqual"] = "LessOrEqual",
        ["Greater"] = "Greater",
        ["GreaterEqual"] = "GreaterOrEqual",
        ["LogicalAnd"] = "And",
        ["LogicalOr"] = "Or",
        ["BitwiseAnd"] = "BitwiseAnd",
        ["BitwiseOr"] = "BitwiseOr",
        ["BitwiseXor"] = "BitwiseXor",
    };

    public IReadOnlyCollection<string> Ops { get; } = [.. Direct.Keys, "Add", "AddV2", "AddN", "NotEqual", "SquaredDifference", "MulNoNan"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        if (Direct.TryGetValue(node.Op, out var onnxOp))
        {
            context.SetOutput(node, context.Emit(onnxOp, [context.Input(node, 0), context.Input(node, 1)]));
            return;
        }
        var a = context.Input(node, 0);
        switch (node.Op)
        {
            case "Add" or "AddV2":
                // TensorFlow's Add also concatenates strings.
                var op = context.InputElementType(node, 0) == TensorDataType.String ? "StringConcat" : "Add";
                context.SetOutput(node, context.Emit(op, [a, context.Input(node, 1)]));
                break;
            case "AddN":
                context.SetOutput(node, node.Inputs.Count == 1
                    ? context.Emit("Identity", [a])
                    : context.Emit("Sum", node.Inputs.Select((_, i) => context.Input(node, i)).ToList()));
                break;
            case "NotEqual":
                context.SetOutput(node, context.Emit("Not", [context.Emit("Equal", [a, context.Input(node, 1)])]));
                break;
            case "SquaredDifference":
                var difference = context.Emit("Sub", [a, context.Input(node, 1)]);
                context.SetOutput(node, context.Emit("Mul", [difference, difference]));
                break;
            case "MulNoNan":
                // x * y, but 0 wherever y is 0 even if x is inf or nan.
                var b = context.Input(node, 1);
                var zero = context.Scalar(context.InputElementType(node, 0), 0);
                var product = context.Emit("Mul", [a, b]);
                context.SetOutput(node, context.Emit("Where", [context.Emit("Equal", [b, zero]), zero, product]));
                break;
            default:
                throw new NotSupportedException($"no lowering for {node}");
        }
    }
}
