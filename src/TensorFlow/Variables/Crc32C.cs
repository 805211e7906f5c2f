namespace Cortex.Queue.TensorFlow.Variables;

/// <summary>
/// CRC-32C (Castagnoli), the checksum LevelDB tables and TensorFlow checkpoints store, plus LevelDB's mask.
/// Stored checksums are masked because a CRC of data that itself contains CRCs is weak.
/// </summary>
public static class Crc32C
{
    // Reversed form of the Castagnoli polynomial 0x1EDC6F41: the table is built for a least-significant-bit-first shift.
    private const uint ReversedPolynomial = 0x82F63B78;
    private const uint MaskDelta = 0xA282EAD8;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Extend(0, data);

    /// <summary>Continues <paramref name="crc"/> (the checksum of earlier bytes) over <paramref name="data"/>.</summary>
    public static uint Extend(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        foreach (var b in data)
        {
            state = Table[(state ^ b) & 0xFF] ^ (state >> 8);
        }
        return ~state;
    }

    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    public static uint Unmask(uint masked)
    {
        var rotated = masked - MaskDelta;
        return (rotated >> 17) | (rotated << 15);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint index = 0; index < 256; index++)
        {
            var value = index;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ ReversedPolynomial : value >> 1;
            }
            table[index] = value;
        }
        return table;
    }
}
