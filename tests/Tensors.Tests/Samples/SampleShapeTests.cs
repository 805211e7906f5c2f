using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class SampleShapeTests
{
    private static readonly ModelSignature FourFeatures = Single(TensorDataType.Float32, -1, 4);

    private static string ErrorFor(string sample, ModelSignature signature) =>
        Assert.Throws<SampleException>(() => SampleParser.Parse(JsonText.Parse(sample), signature)).Message;

    [Fact]
    public void A_value_one_rank_below_the_signature_is_one_instance_with_a_leading_axis_of_one()
    {
        var sample = SampleParser.Parse(JsonText.Parse("{\"x\": [1, 2, 3, 4]}"), FourFeatures);

        Assert.Equal(1, sample.Rows);
        Assert.False(sample.IsBatched);
        Assert.Equal([1L, 4L], sample.Inputs["x"].Shape);
        Assert.Equal([1f, 2f, 3f, 4f], (float[])sample.Inputs["x"].Data);
    }

    [Fact]
    public void A_value_of_the_signature_rank_is_a_batch_whose_first_dimension_is_the_row_count()
    {
        var sample = SampleParser.Parse(JsonText.Parse("{\"x\": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]}"), FourFeatures);

        Assert.Equal(3, sample.Rows);
        Assert.True(sample.IsBatched);
        Assert.Equal([3L, 4L], sample.Inputs["x"].Shape);
        Assert.Equal(12f, ((float[])sample.Inputs["x"].Data)[11]);
    }

    [Fact]
    public void A_scalar_is_one_instance_of_a_rank_one_input()
    {
        var sample = SampleParser.Parse(JsonText.Parse("7"), Single(TensorDataType.Int32, -1));

        Assert.Equal([1L], sample.Inputs["x"].Shape);
        Assert.Equal([7], (int[])sample.Inputs["x"].Data);
        Assert.False(sample.IsBatched);
    }

    [Fact]
    public void A_rank_zero_input_takes_a_scalar_without_a_batch_axis()
    {
        var signature = WithInputs(Spec("temperature", TensorDataType.Float32), Spec("x", TensorDataType.Float32, -1, 2));
        var sample = SampleParser.Parse(JsonText.Parse("{\"temperature\": 0.5, \"x\": [[1, 2], [3, 4]]}"), signature);

        Assert.Empty(sample.Inputs["temperature"].Shape);
        Assert.Equal([0.5f], (float[])sample.Inputs["temperature"].Data);
        Assert.Equal(2, sample.Rows);
    }

    [Fact]
    public void A_rank_zero_input_rejects_a_list()
    {
        Assert.Equal("input 'x': expected int64 of shape [] (a scalar), got a list of 2",
            ErrorFor("[1, 2]", Single(TensorDataType.Int64)));
    }

    [Fact]
    public void A_sample_of_only_rank_zero_inputs_counts_as_one_unbatched_row()
    {
        var sample = SampleParser.Parse(JsonText.Parse("3"), Single(TensorDataType.Int64));

        Assert.Equal(1, sample.Rows);
        Assert.False(sample.IsBatched);
    }

    [Fact]
    public void A_list_of_the_wrong_length_is_reported_with_its_position()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, 4] (one instance: [4]), got a list of 3 at x[0]",
            ErrorFor("{\"x\": [[1, 2, 3]]}", FourFeatures));
    }

    [Fact]
    public void A_wrong_length_deeper_in_a_batch_is_found_too()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, 4] (one instance: [4]), got a list of 5 at x[1]",
            ErrorFor("{\"x\": [[1, 2, 3, 4], [1, 2, 3, 4, 5]]}", FourFeatures));
    }

    [Fact]
    public void An_instance_of_the_wrong_length_is_reported_at_the_input_itself()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, 4] (one instance: [4]), got a list of 3 at x",
            ErrorFor("{\"x\": [1, 2, 3]}", FourFeatures));
    }

    [Fact]
    public void Ragged_lists_on_a_free_dimension_are_rejected_with_both_lengths()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, ?] (one instance: [?]), got a list of 2 at x[1], but x[0] is a list of 3 (nested lists must be rectangular)",
            ErrorFor("[[1, 2, 3], [4, 5]]", Single(TensorDataType.Float32, -1, -1)));
    }

    [Fact]
    public void A_scalar_where_a_list_belongs_is_rejected()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, ?, 2] (one instance: [?, 2]), got 5 at x[1]",
            ErrorFor("[[1, 2], 5]", Single(TensorDataType.Float32, -1, -1, 2)));
    }

    [Fact]
    public void A_list_where_a_number_belongs_is_rejected()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, 2] (one instance: [2]), got a list of 1 at x[1][0]",
            ErrorFor("[[1, 2], [[3], 4]]", Single(TensorDataType.Float32, -1, 2)));
    }

    [Fact]
    public void A_value_nested_too_deep_is_described_by_its_shape()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, 4] (one instance: [4]), got a nested list of shape [1, 1, 4]",
            ErrorFor("[[[1, 2, 3, 4]]]", FourFeatures));
    }

    [Fact]
    public void A_number_for_an_input_of_rank_two_is_too_shallow()
    {
        Assert.Equal("input 'x': expected float32 of shape [?, 4] (one instance: [4]), got 3",
            ErrorFor("3", FourFeatures));
    }

    [Fact]
    public void Fixed_inner_dimensions_must_match()
    {
        var image = Single(TensorDataType.UInt8, -1, 2, 2, 1);

        var parsed = SampleParser.Parse(JsonText.Parse("[[[1], [2]], [[3], [4]]]"), image);
        Assert.Equal([1L, 2L, 2L, 1L], parsed.Inputs["x"].Shape);

        Assert.Equal("input 'x': expected uint8 of shape [?, 2, 2, 1] (one instance: [2, 2, 1]), got a list of 3 at x[0]",
            ErrorFor("[[[1], [2], [3]], [[3], [4], [5]]]", image));
    }

    [Fact]
    public void A_fixed_batch_dimension_other_than_one_refuses_a_single_instance()
    {
        Assert.Equal("input 'x': expected float32 of shape [2, 3] (one instance: [3]), got one instance but the model takes exactly 2 rows",
            ErrorFor("[1, 2, 3]", Single(TensorDataType.Float32, 2, 3)));
    }

    [Fact]
    public void A_fixed_batch_dimension_of_one_takes_an_instance()
    {
        var sample = SampleParser.Parse(JsonText.Parse("[1, 2, 3]"), Single(TensorDataType.Float32, 1, 3));
        Assert.Equal([1L, 3L], sample.Inputs["x"].Shape);
    }

    [Fact]
    public void An_empty_batch_is_rejected()
    {
        Assert.Equal("input 'x': expected float32 of shape [?] (one instance: a scalar), got an empty list (no rows)",
            ErrorFor("[]", Single(TensorDataType.Float32, -1)));
    }

    [Fact]
    public void All_inputs_of_a_sample_must_bring_the_same_number_of_rows()
    {
        var signature = WithInputs(Spec("x", TensorDataType.Float32, -1, 2), Spec("y", TensorDataType.Int64, -1));

        var error = Assert.Throws<SampleException>(() =>
            SampleParser.Parse(JsonText.Parse("{\"x\": [[1, 2], [3, 4], [5, 6]], \"y\": [1, 2]}"), signature));

        Assert.Equal("input 'y' has 2 rows but input 'x' has 3 rows; every input of a sample needs the same number of rows", error.Message);
        Assert.Equal("y", error.InputName);
    }

    [Fact]
    public void An_instance_and_a_batch_of_one_row_can_be_mixed_and_the_reply_keeps_the_batch_axis()
    {
        var signature = WithInputs(Spec("x", TensorDataType.Float32, -1, 2), Spec("y", TensorDataType.Int64, -1));

        var sample = SampleParser.Parse(JsonText.Parse("{\"x\": [1, 2], \"y\": [7]}"), signature);

        Assert.Equal(1, sample.Rows);
        Assert.True(sample.IsBatched);
        Assert.Equal([1L, 2L], sample.Inputs["x"].Shape);
        Assert.Equal([1L], sample.Inputs["y"].Shape);
    }

    [Fact]
    public void An_instance_with_an_empty_free_dimension_is_an_empty_row()
    {
        var sample = SampleParser.Parse(JsonText.Parse("[]"), Single(TensorDataType.Int32, -1, -1));
        Assert.Equal([1L, 0L], sample.Inputs["x"].Shape);
    }
}
