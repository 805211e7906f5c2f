using System.Buffers.Binary;
using System.IO.Compression;

namespace Cortex.Queue.Bench.Data;

/// <summary>
/// The first images of the MNIST test set, read from the gzip IDX files (big-endian header: magic, count, rows,
/// columns; then one byte per pixel, row by row).
/// </summary>
public sealed class MnistTestSet
{
    public const int Side = 28;
    public const int PixelsPerImage = Side * Side;

    private MnistTestSet(byte[][] images, byte[] labels)
    {
        Images = images;
        Labels = labels;
    }

    /// <summary>Raw pixels 0..255, one array of 784 per image.</summary>
    public IReadOnlyList<byte[]> Images { get; }

    public IReadOnlyList<byte> Labels { get; }

    public static MnistTestSet Read(string folder, int maxImages)
    {
        var images = ReadImages(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), maxImages);
        var labels = ReadLabels(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"), images.Length);
        return new MnistTestSet(images, labels);
    }

    /// <summary><paramref name="count"/> images in one NHWC float array ([count, 28, 28, 1] and [count, 1, 28, 28] share it), cycling through the set.</summary>
    public float[] Stack(int count, float scale)
    {
        var data = new float[count * PixelsPerImage];
        for (var i = 0; i < count; i++)
        {
            var image = Images[i % Images.Count];
            for (var p = 0; p < PixelsPerImage; p++)
            {
                data[(i * PixelsPerImage) + p] = image[p] * scale;
            }
        }
        return data;
    }

    private static byte[][] ReadImages(string path, int maxImages)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[16];
        stream.ReadExactly(header);
        var magic = BinaryPrimitives.ReadInt32BigEndian(header);
        var count = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
        var rows = BinaryPrimitives.ReadInt32BigEndian(header[8..]);
        var columns = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        if (magic != 0x803 || rows != Side || columns != Side)
        {
            throw new InvalidDataException($"{path}: not an IDX file of 28x28 images (magic 0x{magic:x}, {rows}x{columns})");
        }
        var images = new byte[Math.Min(count, maxImages)][];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = new byte[PixelsPerImage];
            stream.ReadExactly(images[i]);
        }
        return images;
    }

    private static byte[] ReadLabels(string path, int count)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32BigEndian(header) != 0x801)
        {
            throw new InvalidDataException($"{path}: not an IDX label file");
        }
        var labels = new byte[count];
        stream.ReadExactly(labels);
        return labels;
    }
}
