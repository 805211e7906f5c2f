using System.Buffers.Binary;

namespace Cortex.Queue.TensorFlow.Variables;

/// <summary>
/// Decodes a DT_STRING tensor as checkpoints store it: a varint length per element, a masked CRC32C of those lengths,
/// then the element bytes back to back. The entry's checksum covers the lengths (as 32-bit little-endian values,
/// not varints), the length checksum and the element bytes.
/// </summary>
internal static class CheckpointStringDecoder
{
    public static IReadOnlyList<byte[]> Decode(byte[] bytes, int count, uint expectedCrc, string description)
    {
        var position = 0;
        var lengths = new int[count];
        var crc = 0u;
        Span<byte> lengthBytes = stackalloc byte[4];
        for (var i = 0; i < count; i++)
        {
            lengths[i] = Varint.ReadInt32(bytes, ref position);
            BinaryPrimitives.WriteUInt32LittleEndian(lengthBytes, (uint)lengths[i]);
            crc = Crc32C.Extend(crc, lengthBytes);
        }
        if (position + 4 > bytes.Length)
        {
            throw new InvalidDataException($"{description} is truncated before its length checksum");
        }
        var storedLengthCrc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position, 4));
        if (Crc32C.Unmask(storedLengthCrc) != crc)
        {
            throw new InvalidDataException($"{description} is corrupt: the checksum of its string lengths does not match");
        }
        crc = Crc32C.Extend(crc, bytes.AsSpan(position, 4));
        position += 4;
        var result = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            if (position + lengths[i] > bytes.Length)
            {
                throw new InvalidDataException($"{description} is truncated inside string element {i}");
            }
            result[i] = bytes.AsSpan(position, lengths[i]).ToArray();
            crc = Crc32C.Extend(crc, result[i]);
            position += lengths[i];
        }
        if (crc != expectedCrc)
        {
            throw new InvalidDataException($"{description} is corrupt: CRC32C 0x{crc:x8} does not match the recorded 0x{expectedCrc:x8}");
        }
        return result;
    }
}
