using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

/// <summary>Samples the ingress read travel to the worker as tensors: they arrive exactly as parsed, or are refused saying why.</summary>
public class SampleTensorCodecTests
{
    private static readonly ModelSignature ImageAndScale = WithInputs(
        Spec("image", TensorDataType.Float32, -1, 2, 2),
        Spec("scale", TensorDataType.Int64, -1),
        Spec("mask", TensorDataType.Bool, -1, 3));

    [Fact]
    public void A_parsed_sample_arrives_with_the_same_values_shapes_rows_and_batch_flag()
    {
        var parsed = SampleParser.Parse(JsonText.Parse("""{"image": [[[0.5, -1.25], [3e-8, 7]], [[1, 2], [3, 4]]], "scale": [3, -9000000000], "mask": [[true, false, true], [false, false, true]]}"""), ImageAndScale);

        var decoded = SampleTensorCodec.Decode(SampleTensorCodec.TryEncode(parsed), ImageAndScale);

        Assert.Equal(parsed.Rows, decoded.Rows);
        Assert.Equal(parsed.IsBatched, decoded.IsBatched);
        foreach (var (name, tensor) in parsed.Inputs)
        {
            Assert.Equal(tensor.DataType, decoded.Inputs[name].DataType);
            Assert.Equal(tensor.Shape, decoded.Inputs[name].Shape);
            Assert.Equal(tensor.Data, decoded.Inputs[name].Data);
        }
    }

    [Fact]
    public void An_instance_stays_an_instance()
    {
        var signature = Single(TensorDataType.Float32, -1, 4);
        var parsed = SampleParser.Parse(JsonText.Parse("[5.1, 3.5, 1.4, 0.2]"), signature);

        var decoded = SampleTensorCodec.Decode(SampleTensorCodec.TryEncode(parsed), signature);

        Assert.False(decoded.IsBatched);
        Assert.Equal(1, decoded.Rows);
        Assert.Equal(new[] { 5.1f, 3.5f, 1.4f, 0.2f }, decoded.Inputs["x"].Data);
    }

    [Fact]
    public void A_sample_with_a_string_input_stays_json()
    {
        var parsed = SampleParser.Parse(JsonText.Parse("""["a", "b"]"""), Single(TensorDataType.String, -1));

        Assert.Null(SampleTensorCodec.TryEncode(parsed));
    }

    [Fact]
    public void Tensors_read_against_an_older_signature_are_refused_naming_the_input_and_what_the_model_now_expects()
    {
        var before = Single(TensorDataType.Float32, -1, 4);
        var body = SampleTensorCodec.TryEncode(SampleParser.Parse(JsonText.Parse("[1, 2, 3, 4]"), before));

        var otherType = Assert.Throws<SampleException>(() => SampleTensorCodec.Decode(body, Single(TensorDataType.Float64, -1, 4)));
        var otherShape = Assert.Throws<SampleException>(() => SampleTensorCodec.Decode(body, Single(TensorDataType.Float32, -1, 5)));
        var otherName = Assert.Throws<SampleException>(() => SampleTensorCodec.Decode(body, WithInputs(Spec("pixels", TensorDataType.Float32, -1, 4))));

        Assert.Contains("expected float64 of shape [?, 4], got float32 of shape [1, 4]", otherType.Message);
        Assert.Contains("expected float32 of shape [?, 5]", otherShape.Message);
        Assert.Equal("pixels", otherName.InputName);
    }

    [Fact]
    public void A_truncated_body_is_refused_as_unreadable()
    {
        var signature = Single(TensorDataType.Float32, -1, 4);
        var body = SampleTensorCodec.TryEncode(SampleParser.Parse(JsonText.Parse("[1, 2, 3, 4]"), signature))!;

        Assert.Throws<FormatException>(() => SampleTensorCodec.Decode(body.AsSpan(0, body.Length - 1), signature));
        Assert.Throws<FormatException>(() => SampleTensorCodec.Decode("[1, 2, 3, 4]"u8, signature));
    }
}
