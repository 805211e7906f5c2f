namespace Cortex.Queue.TensorFlow.Variables;

/// <summary>
/// One uncompressed LevelDB block: entries whose keys share a prefix with the previous key, then an array of
/// restart offsets (where a key is stored whole) and their count. We only scan forward, so restarts are checked
/// for consistency but not used for seeking.
/// </summary>
internal sealed class TableBlock(byte[] contents, string description)
{
    public IEnumerable<KeyValuePair<string, byte[]>> Entries()
    {
        if (contents.Length < sizeof(uint))
        {
            throw new InvalidDataException($"{description} is {contents.Length} bytes, too short for its restart count");
        }
        var restartCount = BitConverter.ToUInt32(contents, contents.Length - sizeof(uint));
        var restartsStart = contents.Length - sizeof(uint) - ((long)restartCount * sizeof(uint));
        if (restartCount == 0 || restartsStart < 0)
        {
            throw new InvalidDataException($"{description} declares {restartCount} restart points, which do not fit its {contents.Length} bytes");
        }
        return Scan((int)restartsStart);
    }

    private IEnumerable<KeyValuePair<string, byte[]>> Scan(int entriesEnd)
    {
        var previousKey = Array.Empty<byte>();
        var position = 0;
        while (position < entriesEnd)
        {
            var (key, value) = ReadEntry(previousKey, ref position, entriesEnd);
            previousKey = key;
            yield return new KeyValuePair<string, byte[]>(System.Text.Encoding.UTF8.GetString(key), value);
        }
    }

    private (byte[] Key, byte[] Value) ReadEntry(byte[] previousKey, ref int position, int entriesEnd)
    {
        var span = contents.AsSpan(0, entriesEnd);
        var shared = Varint.ReadInt32(span, ref position);
        var unshared = Varint.ReadInt32(span, ref position);
        var valueLength = Varint.ReadInt32(span, ref position);
        if (shared > previousKey.Length || (long)position + unshared + valueLength > entriesEnd)
        {
            throw new InvalidDataException($"{description} has a malformed entry at byte {position}");
        }
        var key = new byte[shared + unshared];
        previousKey.AsSpan(0, shared).CopyTo(key);
        span.Slice(position, unshared).CopyTo(key.AsSpan(shared));
        position += unshared;
        var value = span.Slice(position, valueLength).ToArray();
        position += valueLength;
        return (key, value);
    }
}
