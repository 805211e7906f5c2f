using System.Runtime.InteropServices;
using System.Text;
using Cortex.Queue.Runtime.Onnx.Protos;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.Runtime.Onnx;

/// <summary>Turns Cortex tensors into ONNX <see cref="TensorProto"/>s (initializers and tensor attributes).</summary>
public static class OnnxTensorProtos
{
    public static TensorProto FromTensor(string name, Tensor value)
    {
        var proto = new TensorProto
        {
            Name = name,
            DataType = (int)OnnxDataTypes.ToOnnx(value.DataType),
        };
        proto.Dims.AddRange(value.Shape);
        if (value.Data is string[] strings)
        {
            // ONNX forbids raw_data for strings: each element travels as its own UTF-8 byte string.
            proto.StringData.AddRange(strings.Select(s => ByteString.CopyFrom(s, Encoding.UTF8)));
        }
        else
        {
            // raw_data is little-endian by definition; every platform .NET runs ONNX Runtime on is little-endian.
            proto.RawData = ByteString.CopyFrom(RawBytes(value));
        }
        return proto;
    }

    private static ReadOnlySpan<byte> RawBytes(Tensor value) => value.Data switch
    {
        float[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        double[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        Half[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        sbyte[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        short[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        int[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        long[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        byte[] a => a,
        ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        uint[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        ulong[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        bool[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        _ => throw new ArgumentException($"cannot write a {value.Data.GetType().Name} as an ONNX {value.DataType.ToWireName()} tensor", nameof(value)),
    };
}
