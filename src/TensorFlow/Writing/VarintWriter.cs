namespace Cortex.Queue.TensorFlow.Writing;

/// <summary>Base-128 little-endian integers, as LevelDB tables and checkpoint string tensors store lengths.</summary>
internal static class VarintWriter
{
    public static void Write(byte[] buffer, ref int position, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[position++] = (byte)(value | 0x80);
            value >>= 7;
        }
        buffer[position++] = (byte)value;
    }

    public static void Write(Stream stream, ulong value)
    {
        Span<byte> bytes = stackalloc byte[10];
        var count = 0;
        while (value >= 0x80)
        {
            bytes[count++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[count++] = (byte)value;
        stream.Write(bytes[..count]);
    }
}
