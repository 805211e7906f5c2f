using System.Runtime.InteropServices;

namespace Cortex.Queue.Tensors;

/// <summary>
/// A dense tensor in row-major order. <see cref="Data"/> is a typed array matching <see cref="DataType"/>:
/// <list type="bullet">
/// <item>float32 <c>float[]</c>, float64 <c>double[]</c>, float16 <c>Half[]</c>, bfloat16 <c>BrainFloat16[]</c>
/// (our own 16-bit struct: the BCL has none, and a bare <c>ushort[]</c> would be indistinguishable from uint16);</item>
/// <item>int8 <c>sbyte[]</c>, int16 <c>short[]</c>, int32 <c>int[]</c>, int64 <c>long[]</c>,
/// uint8 <c>byte[]</c>, uint16 <c>ushort[]</c>, uint32 <c>uint[]</c>, uint64 <c>ulong[]</c>, bool <c>bool[]</c>;</item>
/// <item>string: <c>string[]</c> when every element is text, or <c>byte[][]</c> (see <see cref="HoldsByteStrings"/>)
/// as soon as one element arrived as a <c>{"b64": "..."}</c> byte string. TensorFlow strings are byte strings and a
/// base64 payload (an encoded image, a serialized proto) is not text, so it is never forced through a .NET string;
/// the text elements of such a tensor are stored UTF-8 encoded.</item>
/// </list>
/// The constructor rejects a data array of the wrong element type, so a mismatch shows where it is made,
/// not where the tensor is read.
/// </summary>
public sealed class Tensor
{
    public Tensor(TensorDataType dataType, long[] shape, Array data)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (!TensorStorage.Matches(dataType, data))
        {
            throw new ArgumentException(
                $"a {dataType.ToWireName()} tensor needs its data as {TensorStorage.Describe(dataType)}, got {data.GetType().Name}", nameof(data));
        }
        var expected = ElementCount(shape);
        if (data.Length != expected)
        {
            throw new ArgumentException($"tensor data has {data.Length} elements but shape [{string.Join(", ", shape)}] needs {expected}", nameof(data));
        }
        DataType = dataType;
        Shape = shape;
        Data = data;
    }

    public TensorDataType DataType { get; }

    public long[] Shape { get; }

    public Array Data { get; }

    public long Length => Data.LongLength;

    public int Rank => Shape.Length;

    /// <summary>True for a string tensor stored as <c>byte[][]</c> (it held at least one base64 byte string).</summary>
    public bool HoldsByteStrings => Data is byte[][];

    /// <summary>
    /// The elements as they lie in memory (little-endian on every platform this runs on), for formats that carry raw
    /// bytes (ONNX raw_data, the queue's tensor samples). False for string tensors, which have no such layout.
    /// </summary>
    public bool TryGetElementBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = Data switch
        {
            float[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            double[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            Half[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            BrainFloat16[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            sbyte[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            short[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            int[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            long[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            byte[] a => a,
            ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            uint[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            ulong[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            bool[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            _ => default,
        };
        return Data is not (string[] or byte[][]);
    }

    public static long ElementCount(IReadOnlyList<long> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            count *= dim;
        }
        return count;
    }
}
