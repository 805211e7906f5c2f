using System.Buffers.Binary;
using System.IO.Compression;

namespace Cortex.Queue.Runtime.Tests.Fixtures;

/// <summary>
/// The MNIST test set from its original gzip-compressed IDX files (<c>t10k-images-idx3-ubyte.gz</c>,
/// <c>t10k-labels-idx1-ubyte.gz</c>). Self-contained on purpose: other test projects may link this file as is.
/// </summary>
public sealed class MnistTestSet
{
    public const string ImagesFileName = "t10k-images-idx3-ubyte.gz";

    public const string LabelsFileName = "t10k-labels-idx1-ubyte.gz";

    private const int ImagesMagic = 2051;

    private const int LabelsMagic = 2049;

    private MnistTestSet(int count, int rows, int columns, byte[] pixels, byte[] labels)
    {
        Count = count;
        Rows = rows;
        Columns = columns;
        Pixels = pixels;
        Labels = labels;
    }

    public int Count { get; }

    public int Rows { get; }

    public int Columns { get; }

    public int PixelsPerImage => Rows * Columns;

    /// <summary>All images, row-major, one byte per pixel (0 = background, 255 = ink).</summary>
    public byte[] Pixels { get; }

    /// <summary>The digit (0-9) of each image.</summary>
    public byte[] Labels { get; }

    /// <summary>Reads both files from <paramref name="folder"/> (the <c>mnist_t10k</c> fixture folder).</summary>
    public static MnistTestSet Load(string folder)
    {
        var images = Decompress(Path.Combine(folder, ImagesFileName));
        var labels = Decompress(Path.Combine(folder, LabelsFileName));

        var imagesMagic = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(0, 4));
        var labelsMagic = BinaryPrimitives.ReadInt32BigEndian(labels.AsSpan(0, 4));
        if (imagesMagic != ImagesMagic || labelsMagic != LabelsMagic)
        {
            throw new InvalidDataException($"not MNIST IDX files in {folder}: magic numbers {imagesMagic} and {labelsMagic}");
        }
        var count = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4, 4));
        var rows = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(8, 4));
        var columns = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(12, 4));
        var labelCount = BinaryPrimitives.ReadInt32BigEndian(labels.AsSpan(4, 4));
        const int imagesHeader = 16;
        const int labelsHeader = 8;
        if (labelCount != count || images.Length != imagesHeader + (long)count * rows * columns || labels.Length != labelsHeader + count)
        {
            throw new InvalidDataException($"MNIST files in {folder} disagree on sizes: {count} images of {rows}x{columns}, {labelCount} labels");
        }
        return new MnistTestSet(count, rows, columns, images[imagesHeader..], labels[labelsHeader..]);
    }

    /// <summary>Pixels of images [start, start + count) scaled to [0, 1] (pixel / 255), the preprocessing both ONNX fixtures were trained with.</summary>
    public float[] ScaledPixels(int start, int count)
    {
        var source = Pixels.AsSpan(start * PixelsPerImage, count * PixelsPerImage);
        var scaled = new float[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            scaled[i] = source[i] / 255f;
        }
        return scaled;
    }

    private static byte[] Decompress(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
