using System.Buffers.Binary;
using System.IO.Compression;
using Cortex.Queue.TensorFlow.Variables;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>Reads gzip-compressed TFRecord files (length, masked CRC of it, payload, masked CRC of it), checking both CRCs.</summary>
public static class TfRecordReader
{
    public static IReadOnlyList<byte[]> ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        var bytes = memory.ToArray();
        var records = new List<byte[]>();
        var position = 0;
        while (position < bytes.Length)
        {
            var lengthBytes = bytes.AsSpan(position, 8);
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes));
            Check(Crc32C.Compute(lengthBytes), bytes.AsSpan(position + 8, 4), path);
            var payload = bytes.AsSpan(position + 12, length).ToArray();
            Check(Crc32C.Compute(payload), bytes.AsSpan(position + 12 + length, 4), path);
            records.Add(payload);
            position += 12 + length + 4;
        }
        return records;
    }

    private static void Check(uint actual, ReadOnlySpan<byte> stored, string path)
    {
        if (Crc32C.Mask(actual) != BinaryPrimitives.ReadUInt32LittleEndian(stored))
        {
            throw new InvalidDataException($"{path}: TFRecord checksum mismatch");
        }
    }
}
