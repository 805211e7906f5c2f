using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Cortex.Queue.Tensors;

/// <summary>
/// A parsed sample as bytes, so a sample the ingress has already read against the signature reaches the worker as
/// tensors instead of JSON to be tokenized a second time (for a 28×28 image, reading the JSON costs more than the
/// model). Layout, little-endian: version byte, rows (int32), batched flag (byte), input count (uint16), then per
/// input its name (uint16 length + UTF-8), data type (byte, <see cref="TensorDataType"/>), rank (byte), the
/// dimensions (int64 each) and the elements as they lie in memory (int32 byte length + bytes). Only fixed-width
/// element types travel this way; a sample with a string input stays JSON.
/// </summary>
public static class SampleTensorCodec
{
    private const byte Version = 1;

    /// <summary>The sample's bytes, or null when it cannot travel as tensors (a string input, a big-endian machine).</summary>
    public static byte[]? TryEncode(ParsedSample sample)
    {
        if (!BitConverter.IsLittleEndian)
        {
            return null;
        }
        var size = 1 + 4 + 1 + 2;
        foreach (var (name, tensor) in sample.Inputs)
        {
            if (!tensor.TryGetElementBytes(out var bytes))
            {
                return null;
            }
            size += 2 + Encoding.UTF8.GetByteCount(name) + 1 + 1 + 8 * tensor.Rank + 4 + bytes.Length;
        }
        var buffer = new byte[size];
        var span = buffer.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(span[1..], sample.Rows);
        span[5] = sample.IsBatched ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], checked((ushort)sample.Inputs.Count));
        var at = 8;
        foreach (var (name, tensor) in sample.Inputs)
        {
            var nameLength = Encoding.UTF8.GetBytes(name, span[(at + 2)..]);
            BinaryPrimitives.WriteUInt16LittleEndian(span[at..], checked((ushort)nameLength));
            at += 2 + nameLength;
            span[at++] = (byte)tensor.DataType;
            span[at++] = checked((byte)tensor.Rank);
            foreach (var dimension in tensor.Shape)
            {
                BinaryPrimitives.WriteInt64LittleEndian(span[at..], dimension);
                at += 8;
            }
            tensor.TryGetElementBytes(out var bytes);
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], bytes.Length);
            at += 4;
            bytes.CopyTo(span[at..]);
            at += bytes.Length;
        }
        return buffer;
    }

    /// <summary>Reads a sample back and checks it against <paramref name="signature"/> (which may have changed since the ingress read it).</summary>
    /// <exception cref="SampleException">The tensors do not fit this signature (names, data types, ranks, fixed dimensions).</exception>
    /// <exception cref="FormatException">The bytes are not a sample this version wrote.</exception>
    public static ParsedSample Decode(ReadOnlySpan<byte> body, ModelSignature signature)
    {
        if (body.Length < 8 || body[0] != Version)
        {
            throw new FormatException(body.Length == 0 ? "empty tensor sample" : $"tensor sample of version {body[0]}; this worker reads version {Version}");
        }
        var rows = BinaryPrimitives.ReadInt32LittleEndian(body[1..]);
        var isBatched = body[5] != 0;
        int count = BinaryPrimitives.ReadUInt16LittleEndian(body[6..]);
        var inputs = new Dictionary<string, Tensor>(count, StringComparer.Ordinal);
        var at = 8;
        for (var i = 0; i < count; i++)
        {
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(Take(body, at, 2, i));
            var name = Encoding.UTF8.GetString(Take(body, at + 2, nameLength, i));
            at += 2 + nameLength;
            var header = Take(body, at, 2, i);
            var dataType = (TensorDataType)header[0];
            int rank = header[1];
            at += 2;
            var shape = new long[rank];
            var dimensions = Take(body, at, 8 * rank, i);
            for (var d = 0; d < rank; d++)
            {
                shape[d] = BinaryPrimitives.ReadInt64LittleEndian(dimensions[(8 * d)..]);
            }
            at += 8 * rank;
            var length = BinaryPrimitives.ReadInt32LittleEndian(Take(body, at, 4, i));
            at += 4;
            var data = ReadElements(dataType, Take(body, at, length, i), name);
            at += length;
            Tensor tensor;
            try
            {
                tensor = new Tensor(dataType, shape, data);
            }
            catch (ArgumentException exception)
            {
                throw new FormatException($"input '{name}': {exception.Message}", exception);
            }
            if (!inputs.TryAdd(name, tensor))
            {
                throw new FormatException($"tensor sample names input '{name}' twice");
            }
        }
        if (at != body.Length)
        {
            throw new FormatException($"tensor sample has {body.Length - at} bytes after its {count} inputs");
        }
        Check(inputs, signature);
        return new ParsedSample(inputs, rows, isBatched);
    }

    private static void Check(Dictionary<string, Tensor> inputs, ModelSignature signature)
    {
        foreach (var spec in signature.Inputs)
        {
            if (!inputs.TryGetValue(spec.Name, out var tensor))
            {
                throw new SampleException($"input '{spec.Name}' is missing (the model's inputs changed since the ingress read this sample)", spec.Name);
            }
            var fits = tensor.DataType == spec.DataType && tensor.Rank == spec.Rank;
            for (var d = 0; fits && d < spec.Rank; d++)
            {
                fits = spec.Shape[d] == TensorSpec.DynamicDimension || spec.Shape[d] == tensor.Shape[d];
            }
            if (!fits)
            {
                throw new SampleException(
                    $"input '{spec.Name}': expected {spec.DataType.ToWireName()} of shape {spec.ShapeText}, got {tensor.DataType.ToWireName()} of shape [{string.Join(", ", tensor.Shape)}] (the model changed since the ingress read this sample)",
                    spec.Name);
            }
        }
        if (inputs.Count != signature.Inputs.Count)
        {
            var unknown = inputs.Keys.First(name => signature.Inputs.All(spec => spec.Name != name));
            throw new SampleException($"unknown input '{unknown}' (the model's inputs changed since the ingress read this sample)", unknown);
        }
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> body, int at, int length, int input)
    {
        if (length < 0 || at > body.Length - length)
        {
            throw new FormatException($"tensor sample ends inside input {input}");
        }
        return body.Slice(at, length);
    }

    private static Array ReadElements(TensorDataType dataType, ReadOnlySpan<byte> bytes, string input) => dataType switch
    {
        TensorDataType.Float32 => Read<float>(bytes, input),
        TensorDataType.Float64 => Read<double>(bytes, input),
        TensorDataType.Float16 => Read<Half>(bytes, input),
        TensorDataType.BFloat16 => Read<BrainFloat16>(bytes, input),
        TensorDataType.Int8 => Read<sbyte>(bytes, input),
        TensorDataType.Int16 => Read<short>(bytes, input),
        TensorDataType.Int32 => Read<int>(bytes, input),
        TensorDataType.Int64 => Read<long>(bytes, input),
        TensorDataType.UInt8 => bytes.ToArray(),
        TensorDataType.UInt16 => Read<ushort>(bytes, input),
        TensorDataType.UInt32 => Read<uint>(bytes, input),
        TensorDataType.UInt64 => Read<ulong>(bytes, input),
        TensorDataType.Bool => Read<bool>(bytes, input),
        _ => throw new FormatException($"input '{input}' has data type {(int)dataType}, which does not travel as tensor bytes"),
    };

    private static T[] Read<T>(ReadOnlySpan<byte> bytes, string input) where T : unmanaged
    {
        var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes.Length % size != 0)
        {
            throw new FormatException($"input '{input}' has {bytes.Length} bytes, not a whole number of {size}-byte elements");
        }
        var elements = GC.AllocateUninitializedArray<T>(bytes.Length / size);
        bytes.CopyTo(MemoryMarshal.AsBytes(elements.AsSpan()));
        return elements;
    }
}
