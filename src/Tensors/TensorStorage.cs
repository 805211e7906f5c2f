namespace Cortex.Queue.Tensors;

/// <summary>Which .NET array holds the elements of each <see cref="TensorDataType"/> (see <see cref="Tensor"/>).</summary>
internal static class TensorStorage
{
    /// <summary>
    /// Exact element-type check: a pattern like <c>data is sbyte[]</c> would also accept a byte[] (the runtime treats
    /// arrays of same-size signed and unsigned integers as interchangeable), and the element type decides how data is read.
    /// </summary>
    public static bool Matches(TensorDataType type, Array data)
    {
        var arrayType = data.GetType();
        return type == TensorDataType.String
            ? arrayType == typeof(string[]) || arrayType == typeof(byte[][])
            : arrayType == ArrayTypeOf(type);
    }

    private static Type? ArrayTypeOf(TensorDataType type) => type switch
    {
        TensorDataType.Float32 => typeof(float[]),
        TensorDataType.Float64 => typeof(double[]),
        TensorDataType.Float16 => typeof(Half[]),
        TensorDataType.BFloat16 => typeof(BrainFloat16[]),
        TensorDataType.Int8 => typeof(sbyte[]),
        TensorDataType.Int16 => typeof(short[]),
        TensorDataType.Int32 => typeof(int[]),
        TensorDataType.Int64 => typeof(long[]),
        TensorDataType.UInt8 => typeof(byte[]),
        TensorDataType.UInt16 => typeof(ushort[]),
        TensorDataType.UInt32 => typeof(uint[]),
        TensorDataType.UInt64 => typeof(ulong[]),
        TensorDataType.Bool => typeof(bool[]),
        _ => null,
    };

    public static string Describe(TensorDataType type) => type switch
    {
        TensorDataType.Float32 => "float[]",
        TensorDataType.Float64 => "double[]",
        TensorDataType.Float16 => "Half[]",
        TensorDataType.BFloat16 => "BrainFloat16[]",
        TensorDataType.Int8 => "sbyte[]",
        TensorDataType.Int16 => "short[]",
        TensorDataType.Int32 => "int[]",
        TensorDataType.Int64 => "long[]",
        TensorDataType.UInt8 => "byte[]",
        TensorDataType.UInt16 => "ushort[]",
        TensorDataType.UInt32 => "uint[]",
        TensorDataType.UInt64 => "ulong[]",
        TensorDataType.Bool => "bool[]",
        TensorDataType.String => "string[] or byte[][]",
        _ => "an unknown array type",
    };

    /// <summary>An array of the same element type as <paramref name="prototype"/>; used to slice and concatenate.</summary>
    public static Array CreateLike(Array prototype, int length)
    {
        // Compared by exact type for the same reason as in Matches; elements are all overwritten by the caller.
        var arrayType = prototype.GetType();
        if (arrayType == typeof(float[]))
        {
            return GC.AllocateUninitializedArray<float>(length);
        }
        if (arrayType == typeof(double[]))
        {
            return GC.AllocateUninitializedArray<double>(length);
        }
        if (arrayType == typeof(long[]))
        {
            return GC.AllocateUninitializedArray<long>(length);
        }
        if (arrayType == typeof(int[]))
        {
            return GC.AllocateUninitializedArray<int>(length);
        }
        return Array.CreateInstanceFromArrayType(arrayType, length);
    }
}
