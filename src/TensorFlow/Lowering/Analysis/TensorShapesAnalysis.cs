using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Lowering.Analysis;

/// <summary>
/// Static shapes of the tensors of a <see cref="SignatureGraph"/> where they can be told without running it: -1 for
/// an unknown dimension, null for an unknown rank. Lowering asks for ranks (NCHW reshapes, batch transposes); it
/// never relies on a dimension being right, since SignatureDef shapes are hints TensorFlow itself does not enforce.
/// </summary>
public sealed class TensorShapesAnalysis(SignatureGraph graph)
{
    private static readonly HashSet<string> SameShapeOps = new(StringComparer.Ordinal)
    {
        "Relu", "Relu6", "Elu", "Selu", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softplus", "Softsign", "LeakyRelu",
        "Neg", "Abs", "Exp", "Log", "Log1p", "Expm1", "Sqrt", "Rsqrt", "Square", "Reciprocal", "Inv", "Floor", "Ceil", "Round",
        "Rint", "Sign", "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Erf", "Cast", "BiasAdd", "ZerosLike",
        "OnesLike", "LogicalNot", "IsNan", "IsInf", "IsFinite", "ClipByValue", "Identity", "FusedBatchNorm", "FusedBatchNormV2",
        "FusedBatchNormV3", "Cumsum", "LRN", "Gelu",
    };

    private static readonly HashSet<string> BroadcastOps = new(StringComparer.Ordinal)
    {
        "Add", "AddV2", "Sub", "Mul", "Div", "RealDiv", "TruncateDiv", "FloorDiv", "FloorMod", "TruncateMod", "Mod", "Pow",
        "Maximum", "Minimum", "SquaredDifference", "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual",
        "LogicalAnd", "LogicalOr", "DivNoNan", "MulNoNan", "SelectV2", "AddN", "BitwiseAnd", "BitwiseOr", "BitwiseXor",
    };

    private readonly Dictionary<FlatTensor, long[]?> _cache = [];

    public int? RankOf(FlatTensor tensor) => Of(tensor)?.Length;

    public long[]? Of(FlatTensor tensor)
    {
        if (_cache.TryGetValue(tensor, out var known))
        {
            return known;
        }
        _cache[tensor] = null;
        var shape = Compute(tensor);
        _cache[tensor] = shape;
        return shape;
    }

    private long[]? Compute(FlatTensor tensor)
    {
        var node = graph.Get(tensor.Node);
        if (graph.TryGetConstant(tensor, out var constant))
        {
            return constant.Shape;
        }
        if (SameShapeOps.Contains(node.Op) && tensor.Output == 0)
        {
            return node.Inputs.Count > 0 ? Of(node.Inputs[0]) : null;
        }
        if (BroadcastOps.Contains(node.Op))
        {
            return Broadcast(node.Inputs.Select(Of).ToList());
        }
        return node.Op switch
        {
            SignatureGraph.PlaceholderOp or "PlaceholderWithDefault" => ShapeAttr(node, "shape"),
            "MatMul" => MatMulShape(node),
            "BatchMatMul" or "BatchMatMulV2" or "BatchMatMulV3" => BatchMatMulShape(node),
            "Conv2D" or "DepthwiseConv2dNative" or "MaxPool" or "AvgPool" => Unknown(4),
            "Conv3D" or "MaxPool3D" or "AvgPool3D" => Unknown(5),
            "Reshape" => graph.TryGetConstant(node.Inputs[1], out var target) ? ToLongs(target.Data) : null,
            "Shape" => RankOf(node.Inputs[0]) is { } rank ? [rank] : [-1],
            "Size" or "Rank" => [],
            "ExpandDims" => ExpandDimsShape(node),
            "Squeeze" => SqueezeShape(node),
            "Transpose" => TransposeShape(node),
            "Mean" or "Sum" or "Max" or "Min" or "Prod" or "All" or "Any" => ReductionShape(node),
            "ArgMax" or "ArgMin" => RankOf(node.Inputs[0]) is { } argRank and > 0 ? Unknown(argRank - 1) : null,
            "ConcatV2" => RankOf(node.Inputs[0]) is { } concatRank ? Unknown(concatRank) : null,
            "Pack" => RankOf(node.Inputs[0]) is { } packRank ? Unknown(packRank + 1) : null,
            "Select" or "Tile" or "Pad" or "PadV2" or "MirrorPad" or "Slice" => RankOf(node.Inputs[node.Op == "Select" ? 1 : 0]) is { } r ? Unknown(r) : null,
            "GatherV2" or "ResourceGather" => GatherShape(node),
            "OneHot" => RankOf(node.Inputs[0]) is { } oneHotRank ? Unknown(oneHotRank + 1) : null,
            "Range" => Unknown(1),
            "Where" => Unknown(2),
            "Fill" or "RandomUniform" or "RandomStandardNormal" or "TruncatedNormal" =>
                graph.TryGetConstant(node.Inputs[0], out var dims) ? ToLongs(dims.Data) : Of(node.Inputs[0]) is [var n] && n >= 0 ? Unknown((int)n) : null,
            _ => null,
        };
    }

    private long[]? MatMulShape(FlatNode node)
    {
        var a = Of(node.Inputs[0]);
        var b = Of(node.Inputs[1]);
        var rows = a is [var a0, var a1] ? (Bool(node, "transpose_a") ? a1 : a0) : -1;
        var columns = b is [var b0, var b1] ? (Bool(node, "transpose_b") ? b0 : b1) : -1;
        return [rows, columns];
    }

    private long[]? BatchMatMulShape(FlatNode node)
    {
        var a = Of(node.Inputs[0]);
        var b = Of(node.Inputs[1]);
        if (a is null || b is null || a.Length < 2 || b.Length < 2)
        {
            return null;
        }
        var batch = Broadcast([a[..^2], b[..^2]]);
        if (batch is null)
        {
            return null;
        }
        var rows = Bool(node, "adj_x") ? a[^1] : a[^2];
        var columns = Bool(node, "adj_y") ? b[^2] : b[^1];
        return [.. batch, rows, columns];
    }

    private long[]? ExpandDimsShape(FlatNode node)
    {
        var input = Of(node.Inputs[0]);
        if (input is null || !graph.TryGetConstant(node.Inputs[1], out var axisTensor))
        {
            return input is null ? null : Unknown(input.Length + 1);
        }
        var axis = ToLongs(axisTensor.Data)[0];
        if (axis < 0)
        {
            axis += input.Length + 1;
        }
        var result = input.ToList();
        result.Insert((int)Math.Clamp(axis, 0, input.Length), 1);
        return [.. result];
    }

    private long[]? SqueezeShape(FlatNode node)
    {
        var input = Of(node.Inputs[0]);
        if (input is null)
        {
            return null;
        }
        var axes = node.Attribute("squeeze_dims")?.List?.I.Select(a => a < 0 ? a + input.Length : a).ToHashSet() ?? [];
        if (axes.Count == 0)
        {
            return input.Any(d => d < 0) ? null : input.Where(d => d != 1).ToArray();
        }
        return input.Where((_, axis) => !axes.Contains(axis)).ToArray();
    }

    private long[]? TransposeShape(FlatNode node)
    {
        var input = Of(node.Inputs[0]);
        if (!graph.TryGetConstant(node.Inputs[1], out var permTensor))
        {
            return input is null ? null : Unknown(input.Length);
        }
        var perm = ToLongs(permTensor.Data);
        return input is null || input.Length != perm.Length ? Unknown(perm.Length) : perm.Select(p => input[p]).ToArray();
    }

    private long[]? ReductionShape(FlatNode node)
    {
        var input = Of(node.Inputs[0]);
        if (input is null || !graph.TryGetConstant(node.Inputs[1], out var axesTensor))
        {
            return null;
        }
        var axes = ToLongs(axesTensor.Data).Select(a => a < 0 ? a + input.Length : a).ToHashSet();
        var keep = Bool(node, "keep_dims");
        return input.Select((d, axis) => (d, axis)).Where(p => keep || !axes.Contains(p.axis)).Select(p => axes.Contains(p.axis) ? 1 : p.d).ToArray();
    }

    private long[]? GatherShape(FlatNode node)
    {
        var parameters = Of(node.Inputs[0]);
        var indices = Of(node.Inputs[1]);
        if (parameters is null || indices is null)
        {
            return null;
        }
        long axis = 0;
        if (node.Op == "GatherV2")
        {
            if (!graph.TryGetConstant(node.Inputs[2], out var axisTensor))
            {
                return null;
            }
            axis = ToLongs(axisTensor.Data)[0];
        }
        if (axis < 0)
        {
            axis += parameters.Length;
        }
        return [.. parameters[..(int)axis], .. indices, .. parameters[((int)axis + 1)..]];
    }

    private static long[]? Broadcast(IReadOnlyList<long[]?> shapes)
    {
        if (shapes.Count == 0 || shapes.Any(s => s is null))
        {
            return null;
        }
        var rank = shapes.Max(s => s!.Length);
        var result = new long[rank];
        for (var i = 1; i <= rank; i++)
        {
            long dim = 1;
            foreach (var shape in shapes)
            {
                var d = shape!.Length >= i ? shape[^i] : 1;
                dim = d == 1 ? dim : dim == 1 || dim == d ? d : -1;
            }
            result[^i] = dim;
        }
        return result;
    }

    private static long[] Unknown(int rank) => Enumerable.Repeat(-1L, rank).ToArray();

    private static long[]? ShapeAttr(FlatNode node, string name) =>
        node.Attribute(name)?.Shape is { UnknownRank: false } shape ? shape.Dim.Select(d => d.Size < 0 ? -1 : d.Size).ToArray() : null;

    private static bool Bool(FlatNode node, string name) => node.Attribute(name)?.B ?? false;

    internal static long[] ToLongs(Array data) => data switch
    {
        int[] ints => ints.Select(i => (long)i).ToArray(),
        long[] longs => longs,
        _ => throw new NotSupportedException($"expected an integer tensor, got {data.GetType().Name}"),
    };
}
