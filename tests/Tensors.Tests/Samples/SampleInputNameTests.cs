using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class SampleInputNameTests
{
    private static readonly ModelSignature TwoInputs =
        WithInputs(Spec("x", TensorDataType.Float32, -1, 2), Spec("y", TensorDataType.Float32, -1, 3));

    [Fact]
    public void An_unknown_input_lists_the_signatures_inputs()
    {
        var error = Assert.Throws<SampleException>(() =>
            SampleParser.Parse(JsonText.Parse("{\"x\": [1, 2], \"foo\": 1, \"y\": [1, 2, 3]}"), TwoInputs));

        Assert.Equal("unknown input 'foo'; the signature's inputs are: x, y", error.Message);
        Assert.Equal("foo", error.InputName);
    }

    [Fact]
    public void A_missing_input_states_its_dtype_and_shape()
    {
        var error = Assert.Throws<SampleException>(() => SampleParser.Parse(JsonText.Parse("{\"x\": [1, 2]}"), TwoInputs));

        Assert.Equal("missing input 'y' (float32 [?, 3])", error.Message);
        Assert.Equal("y", error.InputName);
    }

    [Fact]
    public void An_input_given_twice_is_rejected()
    {
        var error = Assert.Throws<SampleException>(() =>
            SampleParser.Parse(JsonText.Parse("{\"x\": [1, 2], \"x\": [3, 4], \"y\": [1, 2, 3]}"), TwoInputs));

        Assert.Equal("input 'x' is given more than once", error.Message);
    }

    [Fact]
    public void Inputs_may_come_in_any_order()
    {
        var sample = SampleParser.Parse(JsonText.Parse("{\"y\": [4, 5, 6], \"x\": [1, 2]}"), TwoInputs);

        Assert.Equal([1f, 2f], (float[])sample.Inputs["x"].Data);
        Assert.Equal([4f, 5f, 6f], (float[])sample.Inputs["y"].Data);
    }

    [Fact]
    public void A_bare_value_is_the_input_of_a_single_input_signature()
    {
        var sample = SampleParser.Parse(JsonText.Parse("[0.5, 1.5]"), Single(TensorDataType.Float32, -1, 2));

        Assert.Equal([0.5f, 1.5f], (float[])sample.Inputs["x"].Data);
    }

    [Fact]
    public void A_single_input_signature_still_accepts_the_keyed_form()
    {
        var sample = SampleParser.Parse(JsonText.Parse("{\"x\": [0.5, 1.5]}"), Single(TensorDataType.Float32, -1, 2));

        Assert.Equal([0.5f, 1.5f], (float[])sample.Inputs["x"].Data);
    }

    [Fact]
    public void An_object_for_a_single_input_signature_must_be_keyed_by_its_name()
    {
        var error = Assert.Throws<SampleException>(() =>
            SampleParser.Parse(JsonText.Parse("{\"pixels\": [0.5, 1.5]}"), Single(TensorDataType.Float32, -1, 2)));

        Assert.Equal("unknown input 'pixels'; the signature's inputs are: x", error.Message);
    }

    [Fact]
    public void A_bare_value_for_a_signature_with_several_inputs_asks_for_an_object()
    {
        var error = Assert.Throws<SampleException>(() => SampleParser.Parse(JsonText.Parse("[1, 2]"), TwoInputs));

        Assert.Equal("expected a JSON object keyed by the signature's inputs (x, y), got a list of 2", error.Message);
        Assert.Null(error.InputName);
    }
}
