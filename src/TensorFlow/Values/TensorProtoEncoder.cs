using System.Runtime.InteropServices;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.TensorFlow.Values;

/// <summary>Cortex tensor → <see cref="TensorProto"/>: raw little-endian <c>tensor_content</c>, or <c>string_val</c> for strings.</summary>
public static class TensorProtoEncoder
{
    public static TensorProto Encode(Tensor tensor)
    {
        var proto = new TensorProto
        {
            Dtype = TensorFlowDataTypes.ToTensorFlow(tensor.DataType),
            TensorShape = TensorShapes.FromDimensions(tensor.Shape),
        };
        if (tensor.Data is string[] strings)
        {
            proto.StringVal.AddRange(strings.Select(ByteString.CopyFromUtf8));
        }
        else
        {
            proto.TensorContent = ByteString.CopyFrom(RawBytes(tensor));
        }
        return proto;
    }

    /// <summary>The elements as TensorFlow stores fixed-size tensors (checkpoint data files, tensor_content).</summary>
    public static byte[] RawBytes(Tensor tensor) => tensor.Data switch
    {
        float[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        double[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        Half[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        sbyte[] a when tensor.DataType == TensorDataType.Int8 => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        byte[] a => [.. a],
        short[] a when tensor.DataType == TensorDataType.Int16 => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        int[] a when tensor.DataType == TensorDataType.Int32 => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        uint[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        long[] a when tensor.DataType == TensorDataType.Int64 => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        ulong[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        bool[] a => a.Select(b => b ? (byte)1 : (byte)0).ToArray(),
        _ => throw new ArgumentException($"cannot store {tensor.Data.GetType().Name} data as a {tensor.DataType.ToWireName()} tensor", nameof(tensor)),
    };
}
