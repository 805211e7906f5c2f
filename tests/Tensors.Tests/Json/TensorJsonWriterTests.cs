using System.Buffers;
using System.Text;
using System.Text.Json;
using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class TensorJsonWriterTests
{
    private static string Write(Tensor tensor, bool dropLeadingAxis = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TensorJsonWriter.Write(writer, tensor, dropLeadingAxis);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static TheoryData<Tensor> EveryDataType() =>
    [
        new Tensor(TensorDataType.Float32, [2, 2], new[] { 0.1f, -1.5f, 3.4028235e38f, 1e-45f }),
        new Tensor(TensorDataType.Float64, [3], new[] { 0.1, -2.2250738585072014E-308, 1.7976931348623157E308 }),
        new Tensor(TensorDataType.Float16, [3], new[] { (Half)0.1, Half.MaxValue, Half.Epsilon }),
        new Tensor(TensorDataType.BFloat16, [3], new[] { (BrainFloat16)0.1f, (BrainFloat16)(-3e38f), BrainFloat16.FromBits(1) }),
        new Tensor(TensorDataType.Int8, [2], new sbyte[] { sbyte.MinValue, sbyte.MaxValue }),
        new Tensor(TensorDataType.Int16, [2], new short[] { short.MinValue, short.MaxValue }),
        new Tensor(TensorDataType.Int32, [2], new[] { int.MinValue, int.MaxValue }),
        new Tensor(TensorDataType.Int64, [2], new[] { long.MinValue, long.MaxValue }),
        new Tensor(TensorDataType.UInt8, [2], new byte[] { 0, 255 }),
        new Tensor(TensorDataType.UInt16, [2], new ushort[] { 0, ushort.MaxValue }),
        new Tensor(TensorDataType.UInt32, [2], new[] { 0u, uint.MaxValue }),
        new Tensor(TensorDataType.UInt64, [2], new[] { 0ul, ulong.MaxValue }),
        new Tensor(TensorDataType.Bool, [1, 2], new[] { true, false }),
        new Tensor(TensorDataType.String, [2], new[] { "ünïcode \"quoted\"", "" }),
        new Tensor(TensorDataType.String, [2], new[] { new byte[] { 0, 255, 128 }, Array.Empty<byte>() }),
        new Tensor(TensorDataType.Int32, [2, 0, 3], Array.Empty<int>()),
        new Tensor(TensorDataType.Float32, [], new[] { 42.5f }),
    ];

    [Theory]
    [MemberData(nameof(EveryDataType))]
    public void Writing_then_reading_gives_back_the_same_tensor(Tensor tensor)
    {
        // Rows stay free as in a real signature; inner dims are fixed so that an empty tensor can keep them.
        var spec = new TensorSpec("y", tensor.DataType, tensor.Shape.Select((dim, axis) => axis == 0 ? TensorSpec.DynamicDimension : dim).ToArray());

        var readBack = TensorJsonReader.Read(JsonText.Parse(Write(tensor)), spec);

        Assert.Equal(tensor.Shape, readBack.Shape);
        Assert.Equal(tensor.Data.GetType(), readBack.Data.GetType());
        Assert.Equal(tensor.Data.Cast<object>(), readBack.Data.Cast<object>());
    }

    [Fact]
    public void Floats_are_written_in_their_shortest_round_trip_form()
    {
        Assert.Equal("[0.1,1E+20,16777216]", Write(new Tensor(TensorDataType.Float32, [3], new[] { 0.1f, 1e20f, 16777216f })));
        Assert.Equal("[0.1,65500]", Write(new Tensor(TensorDataType.Float16, [2], new[] { (Half)0.1, Half.MaxValue })));
        Assert.Equal("[0.1,1]", Write(new Tensor(TensorDataType.BFloat16, [2], new[] { (BrainFloat16)0.1f, (BrainFloat16)1f })));
    }

    [Fact]
    public void NaN_and_infinities_are_written_as_strings()
    {
        var tensor = new Tensor(TensorDataType.Float32, [3], new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity });

        Assert.Equal("[\"NaN\",\"Infinity\",\"-Infinity\"]", Write(tensor));
    }

    [Fact]
    public void NaN_survives_a_round_trip_in_every_float_type()
    {
        foreach (var tensor in new[]
        {
            new Tensor(TensorDataType.Float64, [1], new[] { double.NaN }),
            new Tensor(TensorDataType.Float16, [1], new[] { Half.NaN }),
            new Tensor(TensorDataType.BFloat16, [1], new[] { (BrainFloat16)float.NaN }),
        })
        {
            Assert.Equal("[\"NaN\"]", Write(tensor));
            var readBack = TensorJsonReader.Read(JsonText.Parse("[\"NaN\"]"), new TensorSpec("y", tensor.DataType, [-1]));
            var element = readBack.Data.GetValue(0);
            Assert.True(element switch
            {
                double wide => double.IsNaN(wide),
                Half half => Half.IsNaN(half),
                BrainFloat16 brain => float.IsNaN((float)brain),
                _ => false,
            });
        }
    }

    [Fact]
    public void Dropping_the_leading_axis_writes_the_single_row_itself()
    {
        var oneRow = new Tensor(TensorDataType.Int64, [1, 3], new[] { 1L, 2L, 3L });
        var twoRows = new Tensor(TensorDataType.Int64, [2, 1], new[] { 1L, 2L });
        var oneScore = new Tensor(TensorDataType.Float32, [1], new[] { 0.5f });

        Assert.Equal("[1,2,3]", Write(oneRow, dropLeadingAxis: true));
        Assert.Equal("[[1,2,3]]", Write(oneRow, dropLeadingAxis: false));
        Assert.Equal("[[1],[2]]", Write(twoRows, dropLeadingAxis: true));
        Assert.Equal("0.5", Write(oneScore, dropLeadingAxis: true));
    }

    [Fact]
    public void Outputs_are_written_as_an_object_keyed_by_output_name()
    {
        var outputs = new Dictionary<string, Tensor>
        {
            ["classes"] = new(TensorDataType.Int64, [1], new[] { 7L }),
            ["probabilities"] = new(TensorDataType.Float32, [1, 2], new[] { 0.25f, 0.75f }),
        };

        Assert.Equal("{\"classes\":7,\"probabilities\":[0.25,0.75]}", TensorJsonWriter.WriteOutputs(outputs, dropLeadingAxis: true));
        Assert.Equal("{\"classes\":[7],\"probabilities\":[[0.25,0.75]]}", TensorJsonWriter.WriteOutputs(outputs, dropLeadingAxis: false));
    }

    [Fact]
    public void Byte_strings_are_written_as_b64_objects()
    {
        var tensor = new Tensor(TensorDataType.String, [1], new[] { new byte[] { 0, 1 } });

        Assert.Equal("[{\"b64\":\"AAE=\"}]", Write(tensor));
    }

    [Fact]
    public void A_parsed_instance_written_with_its_leading_axis_dropped_looks_like_what_was_sent()
    {
        var sample = SampleParser.Parse(JsonText.Parse("[[1, 2], [3, 4]]"), Single(TensorDataType.Int32, -1, 2, 2));

        Assert.Equal("[[1,2],[3,4]]", Write(sample.Inputs["x"], dropLeadingAxis: !sample.IsBatched));
    }
}
