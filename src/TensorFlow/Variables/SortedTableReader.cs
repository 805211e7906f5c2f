using System.Buffers.Binary;

namespace Cortex.Queue.TensorFlow.Variables;

/// <summary>
/// Reads a whole LevelDB-format table (TensorFlow's <c>variables.index</c>): footer → index block → data blocks,
/// each block checked against its masked CRC32C and snappy-decompressed when its trailer says so.
/// </summary>
public sealed class SortedTableReader
{
    private const ulong TableMagic = 0xdb4775248b80fb57UL;
    private const int FooterLength = 48;
    private const int BlockTrailerLength = 5;
    private const byte NoCompression = 0;
    private const byte SnappyCompression = 1;

    private readonly byte[] _file;
    private readonly string _path;

    private SortedTableReader(byte[] file, string path)
    {
        _file = file;
        _path = path;
    }

    public static SortedTableReader Open(string path) => new(File.ReadAllBytes(path), path);

    public static SortedTableReader FromBytes(byte[] file, string description) => new(file, description);

    /// <summary>Every key/value pair in key order.</summary>
    public IEnumerable<KeyValuePair<string, byte[]>> Entries()
    {
        var indexHandle = ReadFooter();
        var index = new TableBlock(ReadBlock(indexHandle, "index block"), $"index block of {_path}");
        foreach (var (separatorKey, handleBytes) in index.Entries())
        {
            var position = 0;
            var dataHandle = BlockHandle.Read(handleBytes, ref position);
            var data = new TableBlock(ReadBlock(dataHandle, $"data block before key '{separatorKey}'"), $"data block at byte {dataHandle.Offset} of {_path}");
            foreach (var entry in data.Entries())
            {
                yield return entry;
            }
        }
    }

    private BlockHandle ReadFooter()
    {
        if (_file.Length < FooterLength)
        {
            throw new InvalidDataException($"{_path} is {_file.Length} bytes, shorter than a table footer ({FooterLength} bytes)");
        }
        var footer = _file.AsSpan(_file.Length - FooterLength);
        var magic = BinaryPrimitives.ReadUInt64LittleEndian(footer[^8..]);
        if (magic != TableMagic)
        {
            throw new InvalidDataException($"{_path} is not a LevelDB table (footer magic 0x{magic:x16}, expected 0x{TableMagic:x16})");
        }
        var position = 0;
        _ = BlockHandle.Read(footer, ref position); // metaindex: TensorFlow writes no filter or stats blocks we need.
        return BlockHandle.Read(footer, ref position);
    }

    private byte[] ReadBlock(BlockHandle handle, string what)
    {
        if (handle.Offset + handle.Size + BlockTrailerLength > _file.Length - FooterLength)
        {
            throw new InvalidDataException($"{what} of {_path} (offset {handle.Offset}, {handle.Size} bytes) runs past the end of the file");
        }
        var contents = _file.AsSpan((int)handle.Offset, (int)handle.Size);
        var compression = _file[handle.Offset + handle.Size];
        var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(_file.AsSpan((int)(handle.Offset + handle.Size + 1), 4));
        // The checksum covers the stored (possibly compressed) bytes and the compression type byte.
        var actualCrc = Crc32C.Extend(Crc32C.Compute(contents), [compression]);
        if (Crc32C.Unmask(storedCrc) != actualCrc)
        {
            throw new InvalidDataException($"{what} of {_path} is corrupt: CRC32C 0x{actualCrc:x8} does not match the stored 0x{Crc32C.Unmask(storedCrc):x8}");
        }
        return compression switch
        {
            NoCompression => contents.ToArray(),
            SnappyCompression => Snappier.Snappy.DecompressToArray(contents),
            _ => throw new InvalidDataException($"{what} of {_path} uses compression type {compression}, which LevelDB tables do not define"),
        };
    }
}
