using System.Text;
using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class ByteStringTests
{
    private static readonly ModelSignature Images = Single(TensorDataType.String, -1);

    [Fact]
    public void A_b64_object_becomes_the_decoded_bytes()
    {
        var payload = new byte[] { 0xFF, 0xD8, 0x00, 0x80 };
        var sample = SampleParser.Parse(JsonText.Parse($"{{\"x\": [{{\"b64\": \"{Convert.ToBase64String(payload)}\"}}]}}"), Images);

        var data = Assert.IsType<byte[][]>(sample.Inputs["x"].Data);
        Assert.Equal(payload, data[0]);
        Assert.True(sample.Inputs["x"].HoldsByteStrings);
    }

    [Fact]
    public void Text_next_to_a_byte_string_is_kept_as_its_utf8_bytes()
    {
        var sample = SampleParser.Parse(JsonText.Parse("[\"é\", {\"b64\": \"AAE=\"}, \"z\"]"), Images);

        var data = Assert.IsType<byte[][]>(sample.Inputs["x"].Data);
        Assert.Equal(Encoding.UTF8.GetBytes("é"), data[0]);
        Assert.Equal(new byte[] { 0, 1 }, data[1]);
        Assert.Equal("z"u8.ToArray(), data[2]);
    }

    [Fact]
    public void A_bare_b64_object_is_the_value_of_a_single_string_input()
    {
        var sample = SampleParser.Parse(JsonText.Parse("{\"b64\": \"AAE=\"}"), Images);

        Assert.Equal([1L], sample.Inputs["x"].Shape);
        Assert.Equal(new byte[] { 0, 1 }, ((byte[][])sample.Inputs["x"].Data)[0]);
    }

    [Fact]
    public void Invalid_base64_is_reported_with_its_position()
    {
        var error = Assert.Throws<SampleException>(() => SampleParser.Parse(JsonText.Parse("[\"a\", {\"b64\": \"not base64!\"}]"), Images));

        Assert.Equal("input 'x': the \"b64\" value at x[1] is not valid base64", error.Message);
    }

    [Fact]
    public void An_object_other_than_b64_is_not_a_string()
    {
        var error = Assert.Throws<SampleException>(() => SampleParser.Parse(JsonText.Parse("[{\"b64\": \"AAE=\", \"extra\": 1}]"), Images));

        Assert.Equal("input 'x': expected a string or {\"b64\": \"...\"} for string at x[0], got an object", error.Message);
    }

    [Fact]
    public void A_b64_object_for_a_numeric_input_is_rejected()
    {
        var error = Assert.Throws<SampleException>(() =>
            SampleParser.Parse(JsonText.Parse("[{\"b64\": \"AAE=\"}]"), Single(TensorDataType.UInt8, -1)));

        Assert.Equal("input 'x': expected an integer for uint8 at x[0], got an object", error.Message);
    }
}
