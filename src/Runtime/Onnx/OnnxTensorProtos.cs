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
            proto.RawData = value.TryGetElementBytes(out var bytes)
                ? ByteString.CopyFrom(bytes)
                : throw new ArgumentException($"cannot write a {value.Data.GetType().Name} as an ONNX {value.DataType.ToWireName()} tensor", nameof(value));
        }
        return proto;
    }
}
