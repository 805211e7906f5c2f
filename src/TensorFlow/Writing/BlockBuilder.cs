using System.Buffers.Binary;

namespace Cortex.Queue.TensorFlow.Writing;

/// <summary>
/// Builds one LevelDB block: each key stored as the length it shares with the previous key plus the rest, with the
/// whole key stored every 16 entries (a restart point) so readers can seek; the restart offsets end the block.
/// </summary>
internal sealed class BlockBuilder
{
    private const int RestartInterval = 16;

    private readonly MemoryStream _buffer = new();
    private readonly List<uint> _restarts = [0];
    private byte[] _previousKey = [];
    private int _sinceRestart;

    public bool IsEmpty => _buffer.Length == 0;

    public long EstimatedSize => _buffer.Length + ((_restarts.Count + 1) * sizeof(uint));

    public void Add(byte[] key, byte[] value)
    {
        var shared = 0;
        if (_sinceRestart < RestartInterval)
        {
            var limit = Math.Min(_previousKey.Length, key.Length);
            while (shared < limit && _previousKey[shared] == key[shared])
            {
                shared++;
            }
        }
        else
        {
            _restarts.Add((uint)_buffer.Length);
            _sinceRestart = 0;
        }
        VarintWriter.Write(_buffer, (ulong)shared);
        VarintWriter.Write(_buffer, (ulong)(key.Length - shared));
        VarintWriter.Write(_buffer, (ulong)value.Length);
        _buffer.Write(key, shared, key.Length - shared);
        _buffer.Write(value);
        _previousKey = key;
        _sinceRestart++;
    }

    public byte[] Finish()
    {
        Span<byte> word = stackalloc byte[4];
        foreach (var restart in _restarts)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, restart);
            _buffer.Write(word);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(word, (uint)_restarts.Count);
        _buffer.Write(word);
        return _buffer.ToArray();
    }
}
