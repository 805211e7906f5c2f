namespace Cortex.Queue.TensorFlow.Variables;

/// <summary>Little-endian base-128 integers, as LevelDB tables and checkpoint string tensors encode lengths.</summary>
internal static class Varint
{
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("varint runs past the end of its block");
            }
            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new InvalidDataException("varint is longer than 10 bytes");
    }

    public static int ReadInt32(ReadOnlySpan<byte> data, ref int position)
    {
        var value = Read(data, ref position);
        return value <= int.MaxValue ? (int)value : throw new InvalidDataException($"varint {value} does not fit a 32-bit length");
    }
}
