using Cortex.Queue.Cli.Monitoring;

namespace Cortex.Queue.Cli.Tests.Monitoring;

public sealed class SampleSketchTests
{
    [Fact]
    public void Each_input_gets_one_instance_of_zeros_shaped_like_the_signature_without_its_batch_axis()
    {
        var sample = SampleSketch.FromSignature(
        [
            new SignatureInput("pixels", "float32", [-1, 2, 3]),
            new SignatureInput("words", "string", [-1, -1]),
            new SignatureInput("flag", "bool", [-1]),
        ]);

        Assert.Equal("""{"pixels":[[0,0,0],[0,0,0]],"words":[""],"flag":false}""", sample);
    }

    [Fact]
    public void No_sample_is_made_for_an_input_too_large_to_read_in_a_command_line()
    {
        Assert.Null(SampleSketch.FromSignature([new SignatureInput("image", "uint8", [-1, 28, 28])]));
        Assert.Null(SampleSketch.FromSignature(null));
    }
}
