using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Folding;

/// <summary>Reads and builds the small integer/float tensors constant folding works on.</summary>
internal static class ConstantValues
{
    public static bool IsIntegral(TensorDataType type) => type is TensorDataType.Int32 or TensorDataType.Int64;

    public static bool IsFoldable(Tensor tensor) =>
        tensor.DataType is TensorDataType.Int32 or TensorDataType.Int64 or TensorDataType.Float32 or TensorDataType.Float64;

    public static long[] Longs(Tensor tensor) => tensor.Data switch
    {
        int[] ints => ints.Select(v => (long)v).ToArray(),
        long[] longs => longs,
        float[] floats => floats.Select(v => (long)v).ToArray(),
        double[] doubles => doubles.Select(v => (long)v).ToArray(),
        _ => throw new NotSupportedException(tensor.DataType.ToWireName()),
    };

    public static double[] Doubles(Tensor tensor) => tensor.Data switch
    {
        int[] ints => ints.Select(v => (double)v).ToArray(),
        long[] longs => longs.Select(v => (double)v).ToArray(),
        float[] floats => floats.Select(v => (double)v).ToArray(),
        double[] doubles => doubles,
        _ => throw new NotSupportedException(tensor.DataType.ToWireName()),
    };

    /// <summary>A tensor of <paramref name="type"/> from integer values.</summary>
    public static Tensor FromLongs(TensorDataType type, long[] shape, long[] values) => type switch
    {
        TensorDataType.Int32 => new Tensor(type, shape, values.Select(v => checked((int)v)).ToArray()),
        TensorDataType.Int64 => new Tensor(type, shape, values),
        TensorDataType.Float32 => new Tensor(type, shape, values.Select(v => (float)v).ToArray()),
        TensorDataType.Float64 => new Tensor(type, shape, values.Select(v => (double)v).ToArray()),
        _ => throw new NotSupportedException(type.ToWireName()),
    };

    /// <summary>A tensor of <paramref name="type"/> from floating-point values.</summary>
    public static Tensor FromDoubles(TensorDataType type, long[] shape, double[] values) => type switch
    {
        TensorDataType.Float32 => new Tensor(type, shape, values.Select(v => (float)v).ToArray()),
        TensorDataType.Float64 => new Tensor(type, shape, values),
        TensorDataType.Int32 => new Tensor(type, shape, values.Select(v => checked((int)v)).ToArray()),
        TensorDataType.Int64 => new Tensor(type, shape, values.Select(v => checked((long)v)).ToArray()),
        _ => throw new NotSupportedException(type.ToWireName()),
    };

    /// <summary>The same elements under another shape.</summary>
    public static Tensor Reshaped(Tensor tensor, long[] shape) => new(tensor.DataType, shape, tensor.Data);
}
