using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.TensorFlow.Variables;
using Cortex.Queue.TensorFlow.Writing;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Writing;

public sealed class TensorBundleWriterTests
{
    [Fact]
    public void Every_dtype_reads_back_with_its_shape_and_values()
    {
        using var folder = TemporaryCopy.Empty();
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = new(TensorDataType.Float32, [2, 2], new[] { 1f, -2f, 3.5f, 0f }),
            ["f64"] = new(TensorDataType.Float64, [1], new[] { Math.PI }),
            ["i64"] = new(TensorDataType.Int64, [], new[] { long.MinValue }),
            ["u8"] = new(TensorDataType.UInt8, [3], new byte[] { 0, 128, 255 }),
            ["flag"] = new(TensorDataType.Bool, [2], new[] { true, false }),
            ["words"] = new(TensorDataType.String, [2], new[] { "vocabulary", "é" }),
        };
        var writer = new TensorBundleWriter();
        foreach (var (key, value) in tensors)
        {
            writer.Add(key, value);
        }
        var prefix = Path.Combine(folder.Path, "variables");

        writer.Write(prefix);
        var reader = TensorBundleReader.Open(prefix);

        foreach (var (key, value) in tensors)
        {
            TensorAssert.Equal(value, reader.ReadTensor(key), exact: true, what: key);
        }
    }

    [Fact]
    public void A_damaged_written_tensor_fails_its_checksum()
    {
        using var folder = TemporaryCopy.Empty();
        var writer = new TensorBundleWriter();
        writer.Add("w", new Tensor(TensorDataType.Float32, [4], new[] { 1f, 2f, 3f, 4f }));
        var prefix = Path.Combine(folder.Path, "variables");
        writer.Write(prefix);
        var data = prefix + ".data-00000-of-00001";
        var bytes = File.ReadAllBytes(data);
        bytes[5] ^= 0x10;
        File.WriteAllBytes(data, bytes);

        var error = Assert.Throws<InvalidDataException>(() => TensorBundleReader.Open(prefix).ReadTensor("w"));
        Assert.Contains("CRC32C", error.Message, StringComparison.Ordinal);
    }

    [FixtureTheory]
    [InlineData("tfserving_half_plus_three/00000123")]
    [InlineData("tfserving_counter/00000123")]
    [InlineData("mlnet_mnist_conv")]
    [InlineData("tfx_chicago_taxi_estimator/1646034756")]
    public void Rewriting_a_tensorflow_checkpoint_reproduces_its_files_byte_for_byte(string savedModel)
    {
        var original = Path.Combine(FixturePaths.Model(savedModel), "variables", "variables");
        var reader = TensorBundleReader.Open(original);
        var writer = new TensorBundleWriter();
        foreach (var key in reader.Keys)
        {
            writer.Add(key, reader.ReadTensor(key));
        }
        using var folder = TemporaryCopy.Empty();
        var prefix = Path.Combine(folder.Path, "variables");

        writer.Write(prefix);

        Assert.Equal(File.ReadAllBytes(original + ".data-00000-of-00001"), File.ReadAllBytes(prefix + ".data-00000-of-00001"));
        Assert.Equal(File.ReadAllBytes(original + ".index"), File.ReadAllBytes(prefix + ".index"));
    }
}
