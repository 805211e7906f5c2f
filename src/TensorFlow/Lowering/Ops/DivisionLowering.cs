using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Division and remainder. ONNX Div truncates integers toward zero, like TF's Div/TruncateDiv; TF's FloorDiv and
/// FloorMod round toward negative infinity, so those get a correction where the signs differ.
/// </summary>
public sealed class DivisionLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["RealDiv", "Div", "TruncateDiv", "FloorDiv", "FloorMod", "TruncateMod", "Mod", "DivNoNan"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var a = context.Input(node, 0);
        var b = context.Input(node, 1);
        var type = context.InputElementType(node, 0);
        var isFloat = type.IsFloatingPoint();
        context.SetOutput(node, node.Op switch
        {
            "RealDiv" or "Div" or "TruncateDiv" => context.Emit("Div", [a, b]),
            "FloorDiv" when isFloat => context.Emit("Floor", [context.Emit("Div", [a, b])]),
            "FloorDiv" => IntegerFloorDiv(context, a, b, type),
            // For integers ONNX Mod (fmod=0) takes the divisor's sign, which is exactly floor-mod.
            "FloorMod" when !isFloat => context.Emit("Mod", [a, b]),
            "FloorMod" => FloatFloorMod(context, a, b, type),
            "TruncateMod" or "Mod" => context.Emit("Mod", [a, b], OnnxAttribute.Int("fmod", 1)),
            "DivNoNan" => DivNoNan(context, a, b, type),
            _ => throw new NotSupportedException($"no lowering for {node}"),
        });
    }

    private static string IntegerFloorDiv(LoweringContext context, string a, string b, TensorDataType type)
    {
        var quotient = context.Emit("Div", [a, b]);
        var remainder = context.Emit("Sub", [a, context.Emit("Mul", [quotient, b])]);
        var zero = context.Scalar(type, 0);
        var inexact = context.Emit("Not", [context.Emit("Equal", [remainder, zero])]);
        var signsDiffer = context.Emit("Xor", [context.Emit("Less", [remainder, zero]), context.Emit("Less", [b, zero])]);
        var adjust = context.Emit("And", [inexact, signsDiffer]);
        return context.Emit("Where", [adjust, context.Emit("Sub", [quotient, context.Scalar(type, 1)]), quotient]);
    }

    private static string FloatFloorMod(LoweringContext context, string a, string b, TensorDataType type)
    {
        var remainder = context.Emit("Mod", [a, b], OnnxAttribute.Int("fmod", 1));
        var zero = context.Scalar(type, 0);
        var inexact = context.Emit("Not", [context.Emit("Equal", [remainder, zero])]);
        var signsDiffer = context.Emit("Xor", [context.Emit("Less", [remainder, zero]), context.Emit("Less", [b, zero])]);
        var adjust = context.Emit("And", [inexact, signsDiffer]);
        return context.Emit("Where", [adjust, context.Emit("Add", [remainder, b]), remainder]);
    }

    private static string DivNoNan(LoweringContext context, string a, string b, TensorDataType type)
    {
        var zero = context.Scalar(type, 0);
        var isZero = context.Emit("Equal", [b, zero]);
        // Divide by 1 where b is 0 so no inf/nan is produced, then select 0 there.
        var safeB = context.Emit("Where", [isZero, context.Scalar(type, 1), b]);
        return context.Emit("Where", [isZero, zero, context.Emit("Div", [a, safeB])]);
    }
}
