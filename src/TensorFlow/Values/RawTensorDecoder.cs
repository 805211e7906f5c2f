using System.Runtime.InteropServices;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Values;

/// <summary>
/// Turns TensorFlow's raw little-endian tensor bytes (checkpoint data files, <c>tensor_content</c>) into typed arrays.
/// BFloat16 values are kept as their 16-bit patterns in a <c>ushort[]</c>, .NET having no bfloat16 type.
/// </summary>
public static class RawTensorDecoder
{
    public static Tensor Decode(TensorDataType type, long[] shape, ReadOnlySpan<byte> bytes)
    {
        var count = Tensor.ElementCount(shape);
        var elementSize = TensorFlowDataTypes.ElementSize(type);
        if (elementSize == 0)
        {
            throw new ArgumentException("string tensors are not stored as fixed-size elements", nameof(type));
        }
        if (bytes.Length != count * elementSize)
        {
            throw new InvalidDataException($"{type.ToWireName()} tensor of shape [{string.Join(",", shape)}] needs {count * elementSize} bytes but {bytes.Length} are stored");
        }
        return new Tensor(type, shape, ToArray(type, bytes));
    }

    private static Array ToArray(TensorDataType type, ReadOnlySpan<byte> bytes) => type switch
    {
        TensorDataType.Float32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
        TensorDataType.Float64 => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
        TensorDataType.Float16 => MemoryMarshal.Cast<byte, Half>(bytes).ToArray(),
        TensorDataType.BFloat16 => MemoryMarshal.Cast<byte, ushort>(bytes).ToArray(),
        TensorDataType.Int8 => MemoryMarshal.Cast<byte, sbyte>(bytes).ToArray(),
        TensorDataType.Int16 => MemoryMarshal.Cast<byte, short>(bytes).ToArray(),
        TensorDataType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
        TensorDataType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
        TensorDataType.UInt8 => bytes.ToArray(),
        TensorDataType.UInt16 => MemoryMarshal.Cast<byte, ushort>(bytes).ToArray(),
        TensorDataType.UInt32 => MemoryMarshal.Cast<byte, uint>(bytes).ToArray(),
        TensorDataType.UInt64 => MemoryMarshal.Cast<byte, ulong>(bytes).ToArray(),
        TensorDataType.Bool => ToBooleans(bytes),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static bool[] ToBooleans(ReadOnlySpan<byte> bytes)
    {
        var result = new bool[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            result[i] = bytes[i] != 0;
        }
        return result;
    }
}
