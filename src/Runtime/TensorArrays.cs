using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime;

/// <summary>Which .NET array holds each element type in a <see cref="Tensor"/>, and zero-filled tensors of it.</summary>
internal static class TensorArrays
{
    /// <summary>BFloat16 has no .NET type: its tensors carry <see cref="BrainFloat16"/>, one 16-bit pattern each.</summary>
    public static Type ElementType(TensorDataType type) => type switch
    {
        TensorDataType.Float32 => typeof(float),
        TensorDataType.Float64 => typeof(double),
        TensorDataType.Float16 => typeof(Half),
        TensorDataType.BFloat16 => typeof(BrainFloat16),
        TensorDataType.Int8 => typeof(sbyte),
        TensorDataType.Int16 => typeof(short),
        TensorDataType.Int32 => typeof(int),
        TensorDataType.Int64 => typeof(long),
        TensorDataType.UInt8 => typeof(byte),
        TensorDataType.UInt16 => typeof(ushort),
        TensorDataType.UInt32 => typeof(uint),
        TensorDataType.UInt64 => typeof(ulong),
        TensorDataType.Bool => typeof(bool),
        TensorDataType.String => typeof(string),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static Tensor Zeros(TensorDataType type, long[] shape)
    {
        var length = checked((int)Tensor.ElementCount(shape));
        var data = Array.CreateInstance(ElementType(type), length);
        if (data is string[] strings)
        {
            // A null element would not marshal; the empty string is the string "zero".
            Array.Fill(strings, string.Empty);
        }
        return new Tensor(type, shape, data);
    }
}
