using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cortex.Queue.Tensors;

/// <summary>
/// Writes tensors as nested JSON lists (a scalar for rank 0). Floats use the shortest text that reads back as the
/// same value; NaN and infinities, which JSON cannot express, are written as "NaN", "Infinity", "-Infinity";
/// byte strings as <c>{"b64": "..."}</c>.
/// </summary>
public static class TensorJsonWriter
{
    /// <summary>
    /// Writes <paramref name="tensor"/>. With <paramref name="dropLeadingAxis"/> and a first dimension of 1, writes
    /// <c>tensor[0]</c> instead, so an instance sample gets back an instance-shaped output.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Tensor tensor, bool dropLeadingAxis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tensor);
        var shape = tensor.Shape;
        var firstAxis = dropLeadingAxis && shape.Length > 0 && shape[0] == 1 ? 1 : 0;
        // Dispatch on the declared type, not on the array's runtime type: byte[] also matches "is sbyte[]".
        var data = tensor.Data;
        switch (tensor.DataType)
        {
            case TensorDataType.Float32: WriteNested<float, Float32Formatter>(writer, (float[])data, shape, firstAxis); break;
            case TensorDataType.Float64: WriteNested<double, Float64Formatter>(writer, (double[])data, shape, firstAxis); break;
            case TensorDataType.Float16: WriteNested<Half, Float16Formatter>(writer, (Half[])data, shape, firstAxis); break;
            case TensorDataType.BFloat16: WriteNested<BrainFloat16, BrainFloat16Formatter>(writer, (BrainFloat16[])data, shape, firstAxis); break;
            case TensorDataType.Int8: WriteNested<sbyte, SignedIntegerFormatter<sbyte>>(writer, (sbyte[])data, shape, firstAxis); break;
            case TensorDataType.Int16: WriteNested<short, SignedIntegerFormatter<short>>(writer, (short[])data, shape, firstAxis); break;
            case TensorDataType.Int32: WriteNested<int, SignedIntegerFormatter<int>>(writer, (int[])data, shape, firstAxis); break;
            case TensorDataType.Int64: WriteNested<long, SignedIntegerFormatter<long>>(writer, (long[])data, shape, firstAxis); break;
            case TensorDataType.UInt8: WriteNested<byte, UnsignedIntegerFormatter<byte>>(writer, (byte[])data, shape, firstAxis); break;
            case TensorDataType.UInt16: WriteNested<ushort, UnsignedIntegerFormatter<ushort>>(writer, (ushort[])data, shape, firstAxis); break;
            case TensorDataType.UInt32: WriteNested<uint, UnsignedIntegerFormatter<uint>>(writer, (uint[])data, shape, firstAxis); break;
            case TensorDataType.UInt64: WriteNested<ulong, UnsignedIntegerFormatter<ulong>>(writer, (ulong[])data, shape, firstAxis); break;
            case TensorDataType.Bool: WriteNested<bool, BooleanFormatter>(writer, (bool[])data, shape, firstAxis); break;
            case TensorDataType.String when data is byte[][] bytes: WriteNested<byte[], ByteStringFormatter>(writer, bytes, shape, firstAxis); break;
            case TensorDataType.String: WriteNested<string, TextFormatter>(writer, (string[])data, shape, firstAxis); break;
            default: throw new ArgumentException($"cannot write a tensor of type {tensor.DataType}", nameof(tensor));
        }
    }

    /// <summary>
    /// The default response body when there is no post_inference handler: <c>{"output_name": value, ...}</c>.
    /// </summary>
    public static string WriteOutputs(IReadOnlyDictionary<string, Tensor> outputs, bool dropLeadingAxis)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteOutputs(writer, outputs, dropLeadingAxis);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Same as the string overload, into a caller's writer (avoids the intermediate string).</summary>
    public static void WriteOutputs(Utf8JsonWriter writer, IReadOnlyDictionary<string, Tensor> outputs, bool dropLeadingAxis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outputs);
        writer.WriteStartObject();
        foreach (var (name, tensor) in outputs)
        {
            writer.WritePropertyName(name);
            Write(writer, tensor, dropLeadingAxis);
        }
        writer.WriteEndObject();
    }

    private static void WriteNested<T, TFormatter>(Utf8JsonWriter writer, T[] data, long[] shape, int firstAxis)
        where TFormatter : struct, IJsonScalarFormatter<T>
    {
        if (firstAxis == shape.Length)
        {
            TFormatter.Write(writer, data[0]);
            return;
        }
        var index = 0;
        WriteAxis<T, TFormatter>(writer, data, shape, firstAxis, ref index);
    }

    private static void WriteAxis<T, TFormatter>(Utf8JsonWriter writer, T[] data, long[] shape, int axis, ref int index)
        where TFormatter : struct, IJsonScalarFormatter<T>
    {
        writer.WriteStartArray();
        var length = shape[axis];
        if (axis == shape.Length - 1)
        {
            for (long i = 0; i < length; i++)
            {
                TFormatter.Write(writer, data[index++]);
            }
        }
        else
        {
            for (long i = 0; i < length; i++)
            {
                WriteAxis<T, TFormatter>(writer, data, shape, axis + 1, ref index);
            }
        }
        writer.WriteEndArray();
    }
}
