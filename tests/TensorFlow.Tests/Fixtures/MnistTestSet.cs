using System.Buffers.Binary;
using System.IO.Compression;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>The real MNIST test set (10,000 digits) from the shared data sets, read from its gzipped IDX files.</summary>
public sealed class MnistTestSet
{
    public const int Side = 28;

    private MnistTestSet(byte[] pixels, byte[] labels, int count)
    {
        Pixels = pixels;
        Labels = labels;
        Count = count;
    }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public int Count { get; }

    public static MnistTestSet Load()
    {
        var folder = FixturePaths.Dataset("mnist_t10k");
        var images = ReadGzip(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"));
        var labels = ReadGzip(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));
        var count = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4));
        return new MnistTestSet(images[16..], labels[8..], count);
    }

    /// <summary>Images [start, start + count) as float32 [count, 28, 28, 1], each pixel mapped by <paramref name="scale"/>.</summary>
    public float[] Batch(int start, int count, Func<byte, float> scale)
    {
        var values = new float[count * Side * Side];
        var offset = start * Side * Side;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = scale(Pixels[offset + i]);
        }
        return values;
    }

    private static byte[] ReadGzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }
}
