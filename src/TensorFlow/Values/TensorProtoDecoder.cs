using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Values;

/// <summary>
/// Turns a <see cref="TensorProto"/> (Const nodes, signature defaults) into a Cortex tensor. Values come from
/// <c>tensor_content</c> or the typed lists; as in TensorFlow, a list shorter than the shape repeats its last value
/// (a Const of a million zeros stores one zero) and an empty list means all zeros.
/// </summary>
public static class TensorProtoDecoder
{
    public static Tensor Decode(TensorProto proto)
    {
        var type = TensorFlowDataTypes.ToTensorDataType(proto.Dtype);
        var shape = TensorShapes.ToDimensions(proto.TensorShape);
        var count = checked((int)Tensor.ElementCount(shape));
        if (type == TensorDataType.String)
        {
            var strings = DecodeStrings(proto).Select(b => System.Text.Encoding.UTF8.GetString(b)).ToArray();
            return new Tensor(type, shape, strings);
        }
        if (!proto.TensorContent.IsEmpty)
        {
            return RawTensorDecoder.Decode(type, shape, proto.TensorContent.Span);
        }
        return new Tensor(type, shape, FromTypedValues(proto, type, count));
    }

    /// <summary>The elements of a DT_STRING tensor as raw bytes (they may be serialized protos, not text).</summary>
    public static byte[][] DecodeStrings(TensorProto proto)
    {
        var count = checked((int)Tensor.ElementCount(TensorShapes.ToDimensions(proto.TensorShape)));
        var values = proto.StringVal.Select(s => s.ToByteArray()).ToList();
        return Fill(values, count, () => []);
    }

    private static Array FromTypedValues(TensorProto proto, TensorDataType type, int count) => type switch
    {
        TensorDataType.Float32 => Fill(proto.FloatVal, count),
        TensorDataType.Float64 => Fill(proto.DoubleVal, count),
        TensorDataType.Int32 => Fill(proto.IntVal, count),
        TensorDataType.Int16 => Fill(proto.IntVal.Select(v => (short)v).ToList(), count),
        TensorDataType.Int8 => Fill(proto.IntVal.Select(v => (sbyte)v).ToList(), count),
        TensorDataType.UInt8 => Fill(proto.IntVal.Select(v => (byte)v).ToList(), count),
        TensorDataType.UInt16 => Fill(proto.IntVal.Select(v => (ushort)v).ToList(), count),
        TensorDataType.Int64 => Fill(proto.Int64Val, count),
        TensorDataType.UInt32 => Fill(proto.Uint32Val, count),
        TensorDataType.UInt64 => Fill(proto.Uint64Val, count),
        TensorDataType.Bool => Fill(proto.BoolVal, count),
        TensorDataType.Float16 => Fill(proto.HalfVal.Select(v => BitConverter.UInt16BitsToHalf((ushort)v)).ToList(), count),
        TensorDataType.BFloat16 => Fill(proto.HalfVal.Select(v => (ushort)v).ToList(), count),
        _ => throw new NotSupportedException($"cannot decode a {type.ToWireName()} TensorProto"),
    };

    private static T[] Fill<T>(IList<T> values, int count) => Fill(values, count, () => default!);

    private static T[] Fill<T>(IList<T> values, int count, Func<T> zero)
    {
        if (values.Count > count)
        {
            throw new InvalidDataException($"TensorProto holds {values.Count} values for a shape of {count} elements");
        }
        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = i < values.Count ? values[i] : values.Count > 0 ? values[^1] : zero();
        }
        return result;
    }
}
