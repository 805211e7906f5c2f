using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Onnx;

namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// Matrix products. TF's transpose/adjoint flags become explicit transposes of the last two axes (adjoint equals
/// transpose for the real types served here); Einsum maps one to one.
/// </summary>
public sealed class MatMulLowering : IOpLowering
{
    public IReadOnlyCollection<string> Ops { get; } = ["MatMul", "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3", "Einsum"];

    public void Lower(FlatNode node, LoweringContext context)
    {
        if (node.Op == "Einsum")
        {
            var equation = node.String("equation", string.Empty);
            context.SetOutput(node, context.Emit("Einsum", node.Inputs.Select((_, i) => context.Input(node, i)).ToList(), OnnxAttribute.String("equation", equation)));
            return;
        }
        var isPlain = node.Op == "MatMul";
        var a = Operand(node, context, 0, node.Bool(isPlain ? "transpose_a" : "adj_x"), isPlain);
        var b = Operand(node, context, 1, node.Bool(isPlain ? "transpose_b" : "adj_y"), isPlain);
        var product = context.Emit("MatMul", [a, b]);
        // BatchMatMulV3 may ask for an output type other than its inputs'.
        if (node.Type("Tout") is { } outputType && outputType != context.InputType(node, 0))
        {
            product = context.CastIfNeeded(product, context.InputElementType(node, 0), Values.TensorFlowDataTypes.ToTensorDataType(outputType));
        }
        context.SetOutput(node, product);
    }

    private static string Operand(FlatNode node, LoweringContext context, int index, bool transposed, bool isMatrix)
    {
        var value = context.Input(node, index);
        if (!transposed)
        {
            return value;
        }
        var rank = isMatrix ? 2 : context.InputRank(node, index)
            ?? throw new NotSupportedException($"{node} transposes input {index}, whose rank is unknown");
        var perm = Enumerable.Range(0, rank).Select(i => (long)i).ToArray();
        (perm[^1], perm[^2]) = (perm[^2], perm[^1]);
        return context.Emit("Transpose", [value], OnnxAttribute.Ints("perm", perm));
    }
}
