using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Ops;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Folding;

/// <summary>
/// Computes, at load time, the shape arithmetic TF graphs do on constants (axes, permutations, target shapes): small
/// integer/float tensors through a handful of ops. Anything else is left to ONNX Runtime, which folds the rest.
/// </summary>
internal static class ConstantEvaluator
{
    /// <summary>Largest tensor folded; bigger constant expressions are weights, cheaper to leave to ONNX Runtime.</summary>
    public const int MaximumElements = 4096;

    private static readonly HashSet<string> ArithmeticOps = new(StringComparer.Ordinal)
    {
        "Add", "AddV2", "Sub", "Mul", "FloorDiv", "RealDiv", "Maximum", "Minimum",
    };

    public static bool CanEvaluate(string op) => op is "Cast" or "Pack" or "ConcatV2" or "Reshape" or "ExpandDims" or "Squeeze"
        or "StridedSlice" or "Range" or "Prod" or "Sum" or "Fill" or "Shape" or "Size" or "Rank" or "Neg" || ArithmeticOps.Contains(op);

    /// <summary>The node's output 0 from its constant inputs, or null when this evaluator does not cover the case.</summary>
    public static Tensor? Evaluate(FlatNode node, IReadOnlyList<Tensor> inputs)
    {
        if (inputs.Any(i => i.Length > MaximumElements || !ConstantValues.IsFoldable(i)))
        {
            return null;
        }
        return node.Op switch
        {
            "Cast" => Cast(node, inputs[0]),
            "Pack" => Pack(node, inputs),
            "ConcatV2" => Concat(inputs),
            "Reshape" => Reshape(inputs[0], ConstantValues.Longs(inputs[1])),
            "ExpandDims" => ExpandDims(inputs[0], ConstantValues.Longs(inputs[1])[0]),
            "Squeeze" => Squeeze(node, inputs[0]),
            "StridedSlice" => StridedSlice(node, inputs),
            "Range" => Range(inputs),
            "Prod" or "Sum" => Reduce(node, inputs),
            "Fill" => Fill(inputs),
            "Shape" => ShapeOf(node, inputs[0].Shape),
            "Size" => ConstantValues.FromLongs(OutType(node), [], [inputs[0].Length]),
            "Rank" => new Tensor(TensorDataType.Int32, [], new[] { inputs[0].Shape.Length }),
            "Neg" => Elementwise(inputs[0], inputs[0], (a, _) => -a, (a, _) => -a),
            _ when ArithmeticOps.Contains(node.Op) => Arithmetic(node.Op, inputs[0], inputs[1]),
            _ => null,
        };
    }

    public static Tensor ShapeOf(FlatNode node, long[] shape) => ConstantValues.FromLongs(OutType(node), [shape.Length], shape);

    private static TensorDataType OutType(FlatNode node) =>
        node.Type("out_type") is { } type ? TensorFlowDataTypes.ToTensorDataType(type) : TensorDataType.Int32;

    private static Tensor? Cast(FlatNode node, Tensor input)
    {
        if (node.Type("DstT") is not { } target || !TensorFlowDataTypes.TryToTensorDataType(target, out var to)
            || to is not (TensorDataType.Int32 or TensorDataType.Int64 or TensorDataType.Float32 or TensorDataType.Float64))
        {
            return null;
        }
        return ConstantValues.IsIntegral(input.DataType)
            ? ConstantValues.FromLongs(to, input.Shape, ConstantValues.Longs(input))
            : ConstantValues.FromDoubles(to, input.Shape, ConstantValues.Doubles(input).Select(v => ConstantValues.IsIntegral(to) ? Math.Truncate(v) : v).ToArray());
    }

    private static Tensor? Pack(FlatNode node, IReadOnlyList<Tensor> inputs)
    {
        if (node.Int("axis", 0) != 0 || inputs.Any(i => !i.Shape.SequenceEqual(inputs[0].Shape) || i.DataType != inputs[0].DataType))
        {
            return null;
        }
        return Join(inputs, [inputs.Count, .. inputs[0].Shape]);
    }

    private static Tensor? Concat(IReadOnlyList<Tensor> inputs)
    {
        var values = inputs.Take(inputs.Count - 1).ToList();
        var axis = ConstantValues.Longs(inputs[^1])[0];
        if (values.Any(v => v.Shape.Length != 1 || v.DataType != values[0].DataType) || (axis != 0 && axis != -1))
        {
            return null;
        }
        return Join(values, [values.Sum(v => v.Shape[0])]);
    }

    private static Tensor Join(IReadOnlyList<Tensor> parts, long[] shape)
    {
        var type = parts[0].DataType;
        return ConstantValues.IsIntegral(type)
            ? ConstantValues.FromLongs(type, shape, parts.SelectMany(ConstantValues.Longs).ToArray())
            : ConstantValues.FromDoubles(type, shape, parts.SelectMany(ConstantValues.Doubles).ToArray());
    }

    private static Tensor? Reshape(Tensor input, long[] target)
    {
        var known = target.Where(d => d >= 0).Aggregate(1L, (a, b) => a * b);
        var shape = target.Select(d => d == -1 && known > 0 ? input.Length / known : d).ToArray();
        return Tensor.ElementCount(shape) == input.Length && shape.All(d => d >= 0) ? ConstantValues.Reshaped(input, shape) : null;
    }

    private static Tensor ExpandDims(Tensor input, long axis)
    {
        var shape = input.Shape.ToList();
        shape.Insert((int)(axis < 0 ? axis + input.Shape.Length + 1 : axis), 1);
        return ConstantValues.Reshaped(input, [.. shape]);
    }

    private static Tensor Squeeze(FlatNode node, Tensor input)
    {
        var axes = node.Ints("squeeze_dims").Select(a => a < 0 ? a + input.Shape.Length : a).ToHashSet();
        var shape = input.Shape.Where((d, axis) => axes.Count == 0 ? d != 1 : !axes.Contains(axis)).ToArray();
        return ConstantValues.Reshaped(input, shape);
    }

    /// <summary>Only the 1-D case of shape vectors (x[i], x[a:b], x[::-1]); everything else stays in the graph.</summary>
    private static Tensor? StridedSlice(FlatNode node, IReadOnlyList<Tensor> inputs)
    {
        var input = inputs[0];
        if (input.Shape.Length != 1 || node.Int("ellipsis_mask", 0) != 0 || node.Int("new_axis_mask", 0) != 0 || inputs[1].Length != 1)
        {
            return null;
        }
        var length = input.Shape[0];
        var stride = ConstantValues.Longs(inputs[3])[0];
        var begin = ConstantValues.Longs(inputs[1])[0];
        var end = ConstantValues.Longs(inputs[2])[0];
        if (stride == 0)
        {
            return null;
        }
        var indices = new List<long>();
        if ((node.Int("shrink_axis_mask", 0) & 1) != 0)
        {
            var index = begin < 0 ? begin + length : begin;
            if (index < 0 || index >= length)
            {
                return null;
            }
            indices.Add(index);
        }
        else
        {
            begin = (node.Int("begin_mask", 0) & 1) != 0 ? (stride > 0 ? 0 : length - 1) : Clamp(begin, length, stride);
            end = (node.Int("end_mask", 0) & 1) != 0 ? (stride > 0 ? length : -1) : Clamp(end, length, stride);
            for (var i = begin; stride > 0 ? i < end : i > end; i += stride)
            {
                indices.Add(i);
            }
        }
        var shape = (node.Int("shrink_axis_mask", 0) & 1) != 0 ? Array.Empty<long>() : [indices.Count];
        return ConstantValues.IsIntegral(input.DataType)
            ? ConstantValues.FromLongs(input.DataType, shape, indices.Select(i => ConstantValues.Longs(input)[i]).ToArray())
            : ConstantValues.FromDoubles(input.DataType, shape, indices.Select(i => ConstantValues.Doubles(input)[i]).ToArray());
    }

    private static long Clamp(long index, long length, long stride)
    {
        var normalized = index < 0 ? index + length : index;
        return stride > 0 ? Math.Clamp(normalized, 0, length) : Math.Clamp(normalized, -1, length - 1);
    }

    private static Tensor? Range(IReadOnlyList<Tensor> inputs)
    {
        var type = inputs[0].DataType;
        var (start, limit, delta) = (ConstantValues.Doubles(inputs[0])[0], ConstantValues.Doubles(inputs[1])[0], ConstantValues.Doubles(inputs[2])[0]);
        var count = delta == 0 ? -1 : (long)Math.Ceiling((limit - start) / delta);
        if (count < 0 || count > MaximumElements)
        {
            return null;
        }
        var values = Enumerable.Range(0, (int)count).Select(i => start + (i * delta)).ToArray();
        return ConstantValues.FromDoubles(type, [count], values);
    }

    private static Tensor? Reduce(FlatNode node, IReadOnlyList<Tensor> inputs)
    {
        var input = inputs[0];
        var axes = ConstantValues.Longs(inputs[1]);
        if (input.Shape.Length != 1 || axes.Length != 1 || (axes[0] != 0 && axes[0] != -1))
        {
            return null;
        }
        var shape = node.Bool("keep_dims") ? new long[] { 1 } : [];
        var product = node.Op == "Prod";
        return ConstantValues.IsIntegral(input.DataType)
            ? ConstantValues.FromLongs(input.DataType, shape, [ConstantValues.Longs(input).Aggregate(product ? 1L : 0L, (a, b) => product ? a * b : a + b)])
            : ConstantValues.FromDoubles(input.DataType, shape, [ConstantValues.Doubles(input).Aggregate(product ? 1.0 : 0.0, (a, b) => product ? a * b : a + b)]);
    }

    private static Tensor? Fill(IReadOnlyList<Tensor> inputs)
    {
        var shape = ConstantValues.Longs(inputs[0]);
        var count = Tensor.ElementCount(shape);
        if (count > MaximumElements || inputs[1].Length != 1)
        {
            return null;
        }
        var value = inputs[1];
        return ConstantValues.IsIntegral(value.DataType)
            ? ConstantValues.FromLongs(value.DataType, shape, Enumerable.Repeat(ConstantValues.Longs(value)[0], (int)count).ToArray())
            : ConstantValues.FromDoubles(value.DataType, shape, Enumerable.Repeat(ConstantValues.Doubles(value)[0], (int)count).ToArray());
    }

    private static Tensor? Arithmetic(string op, Tensor a, Tensor b) => op switch
    {
        "Add" or "AddV2" => Elementwise(a, b, (x, y) => x + y, (x, y) => x + y),
        "Sub" => Elementwise(a, b, (x, y) => x - y, (x, y) => x - y),
        "Mul" => Elementwise(a, b, (x, y) => x * y, (x, y) => x * y),
        "FloorDiv" => Elementwise(a, b, (x, y) => y == 0 ? throw new DivideByZeroException() : (long)Math.Floor(x / (double)y), (x, y) => Math.Floor(x / y)),
        "RealDiv" => ConstantValues.IsIntegral(a.DataType) ? null : Elementwise(a, b, (x, y) => x / y, (x, y) => x / y),
        "Maximum" => Elementwise(a, b, Math.Max, Math.Max),
        "Minimum" => Elementwise(a, b, Math.Min, Math.Min),
        _ => null,
    };

    /// <summary>Element-wise on equal shapes or with a scalar on either side (the cases shape arithmetic uses).</summary>
    private static Tensor? Elementwise(Tensor a, Tensor b, Func<long, long, long> integral, Func<double, double, double> floating)
    {
        if (a.DataType != b.DataType || !(a.Shape.SequenceEqual(b.Shape) || a.Length == 1 || b.Length == 1))
        {
            return null;
        }
        var shape = a.Length >= b.Length && a.Shape.Length >= b.Shape.Length ? a.Shape : b.Shape;
        var count = (int)Tensor.ElementCount(shape);
        if (ConstantValues.IsIntegral(a.DataType))
        {
            var (x, y) = (ConstantValues.Longs(a), ConstantValues.Longs(b));
            return ConstantValues.FromLongs(a.DataType, shape, Enumerable.Range(0, count).Select(i => integral(x[x.Length == 1 ? 0 : i], y[y.Length == 1 ? 0 : i])).ToArray());
        }
        var (p, q) = (ConstantValues.Doubles(a), ConstantValues.Doubles(b));
        return ConstantValues.FromDoubles(a.DataType, shape, Enumerable.Range(0, count).Select(i => floating(p[p.Length == 1 ? 0 : i], q[q.Length == 1 ? 0 : i])).ToArray());
    }
}
