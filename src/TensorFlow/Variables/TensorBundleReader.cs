using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;
using Microsoft.Win32.SafeHandles;

namespace Cortex.Queue.TensorFlow.Variables;

/// <summary>
/// A TensorFlow V2 checkpoint ("tensor bundle"): <c>PREFIX.index</c>, a sorted table mapping each checkpoint key to a
/// <see cref="BundleEntryProto"/>, and <c>PREFIX.data-NNNNN-of-MMMMM</c> shards holding the raw tensor bytes.
/// Every tensor read is checked against the CRC32C recorded in its entry.
/// </summary>
public sealed class TensorBundleReader
{
    /// <summary>Checkpoint key of the TF2 object graph (a serialized TrackableObjectGraph in a string scalar).</summary>
    public const string ObjectGraphKey = "_CHECKPOINTABLE_OBJECT_GRAPH";

    private readonly string _prefix;
    private readonly Dictionary<string, BundleEntryProto> _entries;

    private TensorBundleReader(string prefix, BundleHeaderProto header, Dictionary<string, BundleEntryProto> entries)
    {
        _prefix = prefix;
        Header = header;
        _entries = entries;
    }

    public BundleHeaderProto Header { get; }

    /// <summary>Checkpoint keys in the table's (sorted) order.</summary>
    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>Opens the bundle at <paramref name="prefix"/> (for a SavedModel: <c>DIR/variables/variables</c>).</summary>
    public static TensorBundleReader Open(string prefix)
    {
        var indexPath = prefix + ".index";
        if (!File.Exists(indexPath))
        {
            throw new FileNotFoundException($"checkpoint index {indexPath} does not exist", indexPath);
        }
        BundleHeaderProto? header = null;
        var entries = new Dictionary<string, BundleEntryProto>(StringComparer.Ordinal);
        foreach (var (key, value) in SortedTableReader.Open(indexPath).Entries())
        {
            if (key.Length == 0)
            {
                header = BundleHeaderProto.Parser.ParseFrom(value);
            }
            else
            {
                entries[key] = BundleEntryProto.Parser.ParseFrom(value);
            }
        }
        if (header is null)
        {
            throw new InvalidDataException($"{indexPath} has no bundle header (the entry under the empty key)");
        }
        if (header.Endianness != BundleHeaderProto.Types.Endianness.Little)
        {
            throw new InvalidDataException($"{indexPath} was written on a big-endian machine; only little-endian checkpoints are supported");
        }
        return new TensorBundleReader(prefix, header, entries);
    }

    /// <summary>The variables of a SavedModel directory, or null when it has none (graphs with constants only).</summary>
    public static TensorBundleReader? OpenSavedModelVariables(string savedModelDirectory)
    {
        var prefix = Path.Combine(savedModelDirectory, "variables", "variables");
        return File.Exists(prefix + ".index") ? Open(prefix) : null;
    }

    public bool Contains(string key) => _entries.ContainsKey(key);

    public BundleEntryProto GetEntry(string key) =>
        _entries.TryGetValue(key, out var entry)
            ? entry
            : throw new KeyNotFoundException($"checkpoint {_prefix} has no tensor '{key}'");

    /// <summary>Reads and decodes one tensor (strings are decoded as UTF-8).</summary>
    public Tensor ReadTensor(string key)
    {
        var entry = GetEntry(key);
        var type = TensorFlowDataTypes.TryToTensorDataType(entry.Dtype, out var mapped)
            ? mapped
            : throw new InvalidDataException($"checkpoint tensor '{key}' has dtype {TensorFlowDataTypes.Name(entry.Dtype)}, which Cortex cannot hold");
        var shape = TensorShapes.ToDimensions(entry.Shape);
        if (type == TensorDataType.String)
        {
            var strings = ReadStrings(key).Select(s => System.Text.Encoding.UTF8.GetString(s)).ToArray();
            return new Tensor(type, shape, strings);
        }
        return RawTensorDecoder.Decode(type, shape, ReadVerifiedBytes(key, entry));
    }

    /// <summary>Reads a DT_STRING tensor as raw byte strings (serialized protos are not text).</summary>
    public IReadOnlyList<byte[]> ReadStrings(string key)
    {
        var entry = GetEntry(key);
        if (entry.Dtype != DataType.DtString)
        {
            throw new InvalidOperationException($"checkpoint tensor '{key}' is {TensorFlowDataTypes.Name(entry.Dtype)}, not DT_STRING");
        }
        var count = checked((int)Tensor.ElementCount(TensorShapes.ToDimensions(entry.Shape)));
        return CheckpointStringDecoder.Decode(ReadRawBytes(key, entry), count, Crc32C.Unmask(entry.Crc32C), $"checkpoint tensor '{key}' in {DataFilePath(entry.ShardId)}");
    }

    private byte[] ReadVerifiedBytes(string key, BundleEntryProto entry)
    {
        var bytes = ReadRawBytes(key, entry);
        var actual = Crc32C.Compute(bytes);
        var expected = Crc32C.Unmask(entry.Crc32C);
        if (actual != expected)
        {
            throw new InvalidDataException($"checkpoint tensor '{key}' in {DataFilePath(entry.ShardId)} is corrupt: CRC32C 0x{actual:x8} does not match the recorded 0x{expected:x8}");
        }
        return bytes;
    }

    private byte[] ReadRawBytes(string key, BundleEntryProto entry)
    {
        if (entry.Slices.Count > 0)
        {
            throw new NotSupportedException($"checkpoint tensor '{key}' is partitioned into slices, which is not supported");
        }
        var path = DataFilePath(entry.ShardId);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"checkpoint data file {path} (needed for '{key}') does not exist", path);
        }
        using SafeFileHandle handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (entry.Offset < 0 || entry.Size < 0 || entry.Offset + entry.Size > length)
        {
            throw new InvalidDataException($"checkpoint tensor '{key}' claims bytes {entry.Offset}..{entry.Offset + entry.Size} of {path}, which has {length}");
        }
        var buffer = new byte[entry.Size];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(read), entry.Offset + read);
            if (n == 0)
            {
                throw new EndOfStreamException($"{path} ended while reading '{key}'");
            }
            read += n;
        }
        return buffer;
    }

    private string DataFilePath(int shard) =>
        $"{_prefix}.data-{shard:D5}-of-{Math.Max(Header.NumShards, 1):D5}";
}
