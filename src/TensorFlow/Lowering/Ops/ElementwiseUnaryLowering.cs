using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>Element-wise math of one input.</summary>
public sealed class ElementwiseUnaryLowering : IOpLowering
{
    private static readonly Dictionary<string, string> Direct = new(StringComparer.Ordinal)
    {
        ["Neg"] = "Neg",
        ["Abs"] = "Abs",
        ["Exp"] = "Exp",
        ["Log"] = "Log",
        ["Sqrt"] = "Sqrt",
        ["Floor"] = "Floor",
        ["Ceil"] = "Ceil",
        // Both round halves to even.
        ["Round"] = "Round",
        ["Rint"] = "Round",
        ["Sign"] = "Sign",
        ["Sin"] = "Sin",
        ["Cos"] = "Cos",
        ["Tan"] = "Tan",
        ["Asin"] = "Asin",
        ["Acos"] = "Acos",
        ["Atan"] = "Atan",
        ["Sinh"] = "Sinh",
        ["Cosh"] = "Cosh",
        ["Asinh"] = "Asinh",
        ["Acosh"] = "Acosh",
        ["Atanh"] = "Atanh",
        ["Erf"] = "Erf",
        ["Reciprocal"] = "Reciprocal",
        ["Inv"] = "Reciprocal",
        ["LogicalNot"] = "Not",
        ["IsNan"] = "IsNaN",
        ["IsInf"] = "IsInf",
        ["Invert"] = "BitwiseNot",
    };

    public IReadOnlyCollection<string> Ops { get; } = [.. Direct.Keys, "Rsqrt", "Square", "Log1p", "Expm1", "IsFinite"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        var x = context.Input(node, 0);
        if (Direct.TryGetValue(node.Op, out var onnxOp))
        {
            context.SetOutput(node, context.Emit(onnxOp, [x]));
            return;
        }
        var type = context.InputElementType(node, 0);
        context.SetOutput(node, node.Op switch
        {
            "Rsqrt" => context.Emit("Reciprocal", [context.Emit("Sqrt", [x])]),
            "Square" => context.Emit("Mul", [x, x]),
            "Log1p" => context.Emit("Log", [context.Emit("Add", [x, context.Scalar(type, 1)])]),
            "Expm1" => context.Emit("Sub", [context.Emit("Exp", [x]), context.Scalar(type, 1)]),
            "IsFinite" => context.Emit("Not", [context.Emit("Or", [context.Emit("IsNaN", [x]), context.Emit("IsInf", [x])])]),
            _ => throw new NotSupportedException($"no lowering for {node}"),
        });
    }
}
