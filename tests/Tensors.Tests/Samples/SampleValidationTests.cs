using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class SampleValidationTests
{
    private static readonly ModelSignature Signature = WithInputs(
        Spec("x", TensorDataType.Float32, -1, 2),
        Spec("ids", TensorDataType.Int32, -1),
        Spec("text", TensorDataType.String, -1));

    [Fact]
    public void Validate_accepts_what_parse_accepts()
    {
        var sample = JsonText.Parse("{\"x\": [[1, 2], [3, 4]], \"ids\": [5, 6], \"text\": [\"a\", {\"b64\": \"AAE=\"}]}");

        SampleParser.Validate(sample, Signature);
        Assert.Equal(2, SampleParser.Parse(sample, Signature).Rows);
    }

    [Theory]
    [InlineData("{\"x\": [1, 2, 3], \"ids\": 5, \"text\": \"a\"}")]
    [InlineData("{\"x\": [1, 2], \"ids\": 5.5, \"text\": \"a\"}")]
    [InlineData("{\"x\": [1, 2], \"ids\": 5, \"text\": {\"b64\": \"@@\"}}")]
    [InlineData("{\"x\": [[1, 2]], \"ids\": [5, 6], \"text\": [\"a\", \"b\"]}")]
    [InlineData("{\"x\": [1, 2], \"ids\": 5}")]
    [InlineData("{\"x\": [[1, 2], [3]], \"ids\": [5, 6], \"text\": [\"a\", \"b\"]}")]
    public void Validate_rejects_with_the_same_message_as_parse(string json)
    {
        var sample = JsonText.Parse(json);

        var fromParse = Assert.Throws<SampleException>(() => SampleParser.Parse(sample, Signature));
        var fromValidate = Assert.Throws<SampleException>(() => SampleParser.Validate(sample, Signature));

        Assert.Equal(fromParse.Message, fromValidate.Message);
    }
}
