using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class TensorJsonReaderTests
{
    [Fact]
    public void A_whole_tensor_must_carry_its_batch_axis()
    {
        var spec = Spec("x", TensorDataType.Float32, -1, 2);

        Assert.Equal([1L, 2L], TensorJsonReader.Read(JsonText.Parse("[[1, 2]]"), spec).Shape);
        var error = Assert.Throws<SampleException>(() => TensorJsonReader.Read(JsonText.Parse("[1, 2]"), spec));
        Assert.Equal("input 'x': expected float32 of shape [?, 2], got a list of 2", error.Message);
    }

    [Fact]
    public void An_empty_list_reads_as_a_tensor_with_no_rows()
    {
        var tensor = TensorJsonReader.Read(JsonText.Parse("[]"), Spec("x", TensorDataType.Float32, -1, 4));

        Assert.Equal([0L, 4L], tensor.Shape);
        Assert.Empty((float[])tensor.Data);
    }

    [Fact]
    public void A_rank_zero_spec_reads_a_scalar()
    {
        var tensor = TensorJsonReader.Read(JsonText.Parse("12"), Spec("step", TensorDataType.Int64));

        Assert.Empty(tensor.Shape);
        Assert.Equal([12L], (long[])tensor.Data);
    }

    [Fact]
    public void Fixed_dimensions_are_checked_on_the_batch_axis_too()
    {
        var error = Assert.Throws<SampleException>(() =>
            TensorJsonReader.Read(JsonText.Parse("[[1], [2], [3]]"), Spec("x", TensorDataType.Int8, 2, 1)));

        Assert.Equal("input 'x': expected int8 of shape [2, 1], got a list of 3 at x", error.Message);
    }
}
