using System.Buffers.Binary;
using System.Text;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.TensorFlow.Variables;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.TensorFlow.Writing;

/// <summary>
/// Writes a single-shard TensorFlow V2 checkpoint: <c>PREFIX.data-00000-of-00001</c> with the tensors back to back and
/// <c>PREFIX.index</c>, a sorted table of their <see cref="BundleEntryProto"/>s (masked CRC32C of each tensor's bytes)
/// headed by a <see cref="BundleHeaderProto"/> under the empty key. <see cref="TensorBundleReader"/> reads it back.
/// </summary>
public sealed class TensorBundleWriter
{
    private readonly SortedDictionary<string, Tensor> _tensors = new(StringComparer.Ordinal);

    public void Add(string key, Tensor value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!_tensors.TryAdd(key, value))
        {
            throw new ArgumentException($"the checkpoint already has a tensor '{key}'", nameof(key));
        }
    }

    /// <summary>Writes the two files for <paramref name="prefix"/> (for a SavedModel: <c>DIR/variables/variables</c>).</summary>
    public void Write(string prefix, bool snappyIndex = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(prefix))!);
        var table = new SortedTableWriter(snappyIndex);
        var header = new BundleHeaderProto { NumShards = 1, Endianness = BundleHeaderProto.Types.Endianness.Little, Version = new VersionDef { Producer = 1 } };
        table.Add(string.Empty, header.ToByteArray());
        using (var data = File.Create(prefix + ".data-00000-of-00001"))
        {
            // Keys are written in ascending byte order, as the table requires; SortedDictionary's ordinal order is that.
            foreach (var (key, tensor) in _tensors)
            {
                var (bytes, crc) = Serialize(tensor);
                var entry = new BundleEntryProto
                {
                    Dtype = TensorFlowDataTypes.ToTensorFlow(tensor.DataType),
                    Shape = TensorShapes.FromDimensions(tensor.Shape),
                    ShardId = 0,
                    Offset = data.Position,
                    Size = bytes.Length,
                    Crc32C = Crc32C.Mask(crc),
                };
                data.Write(bytes);
                table.Add(key, entry.ToByteArray());
            }
        }
        File.WriteAllBytes(prefix + ".index", table.ToBytes());
    }

    private static (byte[] Bytes, uint Crc) Serialize(Tensor tensor)
    {
        if (tensor.Data is not string[] strings)
        {
            var raw = TensorProtoEncoder.RawBytes(tensor);
            return (raw, Crc32C.Compute(raw));
        }
        // Strings: varint lengths, a masked CRC of the lengths (as 32-bit values), then the bytes.
        var elements = strings.Select(Encoding.UTF8.GetBytes).ToList();
        using var stream = new MemoryStream();
        var crc = 0u;
        Span<byte> word = stackalloc byte[4];
        foreach (var element in elements)
        {
            VarintWriter.Write(stream, (ulong)element.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)element.Length);
            crc = Crc32C.Extend(crc, word);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(word, Crc32C.Mask(crc));
        stream.Write(word);
        crc = Crc32C.Extend(crc, word);
        foreach (var element in elements)
        {
            stream.Write(element);
            crc = Crc32C.Extend(crc, element);
        }
        return (stream.ToArray(), crc);
    }
}
