using System.Buffers.Binary;
using System.Text;
using Cortex.Queue.TensorFlow.Variables;

namespace Cortex.Queue.TensorFlow.Writing;

/// <summary>
/// Writes a LevelDB-format table, the format of TensorFlow's <c>variables.index</c>: data blocks of prefix-compressed
/// entries with a restart point every 16 keys, an index block pointing at them, an empty metaindex block, and the
/// footer. Each block carries its compression type and a masked CRC32C, as <see cref="SortedTableReader"/> checks.
/// Keys must be added in ascending byte order.
/// </summary>
public sealed class SortedTableWriter(bool snappy = false, int blockSize = SortedTableWriter.TensorFlowBlockSize)
{
    /// <summary>The data block size TensorFlow's table options use (LevelDB's own default is 4 KiB).</summary>
    public const int TensorFlowBlockSize = 262144;

    private const ulong TableMagic = 0xdb4775248b80fb57UL;

    private readonly List<(byte[] Key, byte[] Value)> _entries = [];

    public void Add(string key, byte[] value)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        if (_entries.Count > 0 && CompareBytes(_entries[^1].Key, keyBytes) >= 0)
        {
            throw new ArgumentException($"key '{key}' is not greater than the previous key; tables are written in key order", nameof(key));
        }
        _entries.Add((keyBytes, value));
    }

    public byte[] ToBytes()
    {
        using var file = new MemoryStream();
        var index = new BlockBuilder();
        var block = new BlockBuilder();
        byte[] lastKey = [];
        (long Offset, long Size)? pendingHandle = null;
        foreach (var (key, value) in _entries)
        {
            if (pendingHandle is { } handle)
            {
                // Like LevelDB, the index key of a finished block is the shortest key between its last key and the next.
                index.Add(KeyOrder.ShortestSeparator(lastKey, key), EncodeHandle(handle));
                pendingHandle = null;
            }
            block.Add(key, value);
            lastKey = key;
            if (block.EstimatedSize >= blockSize)
            {
                pendingHandle = WriteBlock(file, block.Finish());
                block = new BlockBuilder();
            }
        }
        if (!block.IsEmpty)
        {
            pendingHandle = WriteBlock(file, block.Finish());
        }
        if (pendingHandle is { } last)
        {
            index.Add(KeyOrder.ShortSuccessor(lastKey), EncodeHandle(last));
        }
        var metaIndex = WriteBlock(file, new BlockBuilder().Finish());
        var indexHandle = WriteBlock(file, index.Finish());
        var footer = new byte[48];
        var position = 0;
        WriteHandle(footer, ref position, metaIndex);
        WriteHandle(footer, ref position, indexHandle);
        BinaryPrimitives.WriteUInt64LittleEndian(footer.AsSpan(40), TableMagic);
        file.Write(footer);
        return file.ToArray();
    }

    private (long Offset, long Size) WriteBlock(MemoryStream file, byte[] contents)
    {
        var stored = contents;
        byte compression = 0;
        if (snappy)
        {
            var compressed = Snappier.Snappy.CompressToArray(contents);
            // LevelDB keeps a block uncompressed unless compression saves at least an eighth.
            if (compressed.Length < contents.Length - (contents.Length / 8))
            {
                stored = compressed;
                compression = 1;
            }
        }
        var offset = file.Position;
        file.Write(stored);
        Span<byte> trailer = stackalloc byte[5];
        trailer[0] = compression;
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[1..], Crc32C.Mask(Crc32C.Extend(Crc32C.Compute(stored), [compression])));
        file.Write(trailer);
        return (offset, stored.Length);
    }

    private static byte[] EncodeHandle((long Offset, long Size) handle)
    {
        var buffer = new byte[20];
        var position = 0;
        WriteHandle(buffer, ref position, handle);
        return buffer[..position];
    }

    private static void WriteHandle(byte[] buffer, ref int position, (long Offset, long Size) handle)
    {
        VarintWriter.Write(buffer, ref position, (ulong)handle.Offset);
        VarintWriter.Write(buffer, ref position, (ulong)handle.Size);
    }

    private static int CompareBytes(byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b);
}
