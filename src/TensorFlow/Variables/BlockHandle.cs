namespace Cortex.Queue.TensorFlow.Variables;

/// <summary>Where a block sits in a LevelDB table file (its trailer of 5 bytes follows <see cref="Size"/>).</summary>
internal readonly record struct BlockHandle(long Offset, long Size)
{
    public static BlockHandle Read(ReadOnlySpan<byte> data, ref int position)
    {
        var offset = Varint.Read(data, ref position);
        var size = Varint.Read(data, ref position);
        if (offset > long.MaxValue || size > int.MaxValue)
        {
            throw new InvalidDataException($"block handle ({offset}, {size}) is out of range");
        }
        return new BlockHandle((long)offset, (long)size);
    }
}
