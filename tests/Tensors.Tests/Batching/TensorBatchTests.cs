using System.Text;
using static Cortex.Queue.Tensors.Tests.Signatures;

namespace Cortex.Queue.Tensors.Tests;

public class TensorBatchTests
{
    private static readonly ModelSignature PairSignature = WithInputs(Spec("x", TensorDataType.Float32, -1, 2), Spec("id", TensorDataType.Int64, -1));

    private static ParsedSample Parse(string json, ModelSignature signature) => SampleParser.Parse(JsonText.Parse(json), signature);

    [Fact]
    public void Stacking_concatenates_rows_in_sample_order()
    {
        var samples = new[]
        {
            Parse("{\"x\": [1, 2], \"id\": 10}", PairSignature),
            Parse("{\"x\": [[3, 4], [5, 6], [7, 8]], \"id\": [20, 21, 22]}", PairSignature),
            Parse("{\"x\": [[9, 10], [11, 12]], \"id\": [30, 31]}", PairSignature),
        };

        var batch = TensorBatch.Stack(samples, PairSignature);

        Assert.Equal([6L, 2L], batch["x"].Shape);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f], (float[])batch["x"].Data);
        Assert.Equal([10L, 20L, 21L, 22L, 30L, 31L], (long[])batch["id"].Data);
    }

    [Fact]
    public void Split_after_stack_gives_each_sample_exactly_its_own_rows()
    {
        var samples = new[]
        {
            Parse("{\"x\": [1, 2], \"id\": 10}", PairSignature),
            Parse("{\"x\": [[3, 4], [5, 6], [7, 8]], \"id\": [20, 21, 22]}", PairSignature),
            Parse("{\"x\": [[9, 10], [11, 12]], \"id\": [30, 31]}", PairSignature),
        };
        var batch = TensorBatch.Stack(samples, PairSignature);
        // A stand-in model: echoes its inputs, so each reply must carry the sample's own values back.
        var outputs = new Dictionary<string, Tensor> { ["echo"] = batch["x"], ["id"] = batch["id"] };

        var perSample = TensorBatch.Split(outputs, samples.Select(s => s.Rows).ToArray());

        Assert.Equal(3, perSample.Count);
        Assert.Equal([1L, 2L], perSample[0]["echo"].Shape);
        Assert.Equal([1f, 2f], (float[])perSample[0]["echo"].Data);
        Assert.Equal([3L, 2L], perSample[1]["echo"].Shape);
        Assert.Equal([3f, 4f, 5f, 6f, 7f, 8f], (float[])perSample[1]["echo"].Data);
        Assert.Equal([9f, 10f, 11f, 12f], (float[])perSample[2]["echo"].Data);
        Assert.Equal([30L, 31L], (long[])perSample[2]["id"].Data);
    }

    [Fact]
    public void Outputs_without_the_batch_axis_are_given_whole_to_every_sample()
    {
        var scalar = new Tensor(TensorDataType.Float32, [], new[] { 0.25f });
        var vocabulary = new Tensor(TensorDataType.String, [4], new[] { "a", "b", "c", "d" });
        var scores = new Tensor(TensorDataType.Float32, [3], new[] { 0.1f, 0.2f, 0.3f });
        var outputs = new Dictionary<string, Tensor> { ["temperature"] = scalar, ["vocabulary"] = vocabulary, ["scores"] = scores };

        var perSample = TensorBatch.Split(outputs, [1, 2]);

        Assert.Same(scalar, perSample[0]["temperature"]);
        Assert.Same(scalar, perSample[1]["temperature"]);
        Assert.Same(vocabulary, perSample[0]["vocabulary"]);
        Assert.Same(vocabulary, perSample[1]["vocabulary"]);
        Assert.Equal([0.2f, 0.3f], (float[])perSample[1]["scores"].Data);
    }

    [Fact]
    public void A_single_sample_is_neither_copied_on_stack_nor_on_split()
    {
        var sample = Parse("{\"x\": [1, 2], \"id\": 10}", PairSignature);

        var batch = TensorBatch.Stack([sample], PairSignature);
        var perSample = TensorBatch.Split(batch, [1]);

        Assert.Same(sample.Inputs["x"], batch["x"]);
        Assert.Same(sample.Inputs["x"], perSample[0]["x"]);
    }

    [Fact]
    public void Samples_with_a_rank_zero_input_cannot_be_stacked()
    {
        var signature = WithInputs(Spec("k", TensorDataType.Int32), Spec("x", TensorDataType.Float32, -1));
        var samples = new[] { Parse("{\"k\": 1, \"x\": 1}", signature), Parse("{\"k\": 2, \"x\": 2}", signature) };

        var error = Assert.Throws<InvalidOperationException>(() => TensorBatch.Stack(samples, signature));
        Assert.Contains("input 'k' is a scalar", error.Message);
        Assert.Equal([[0], [1]], TensorBatch.PartitionStackable(samples, signature));
    }

    [Fact]
    public void Samples_that_differ_beyond_the_batch_axis_are_partitioned_apart_and_not_stacked_together()
    {
        var signature = Single(TensorDataType.Int32, -1, -1);
        var samples = new[] { Parse("[1, 2, 3]", signature), Parse("[1, 2]", signature), Parse("[[4, 5, 6], [7, 8, 9]]", signature) };

        Assert.Equal([[0, 2], [1]], TensorBatch.PartitionStackable(samples, signature));
        Assert.Throws<InvalidOperationException>(() => TensorBatch.Stack(samples, signature));
        Assert.Equal([3L, 3L], TensorBatch.Stack([samples[0], samples[2]], signature)["x"].Shape);
    }

    [Fact]
    public void Stacking_text_with_byte_strings_holds_all_as_bytes()
    {
        var signature = Single(TensorDataType.String, -1);
        var samples = new[] { Parse("\"hello\"", signature), Parse("{\"b64\": \"AAE=\"}", signature) };

        var batch = TensorBatch.Stack(samples, signature);

        var data = Assert.IsType<byte[][]>(batch["x"].Data);
        Assert.Equal(Encoding.UTF8.GetBytes("hello"), data[0]);
        Assert.Equal(new byte[] { 0, 1 }, data[1]);
    }

    [Fact]
    public void Split_slices_keep_each_outputs_element_type()
    {
        var outputs = new Dictionary<string, Tensor>
        {
            ["mask"] = new(TensorDataType.UInt8, [3, 1], new byte[] { 200, 201, 202 }),
            ["labels"] = new(TensorDataType.String, [3], new[] { "cat", "dog", "owl" }),
        };

        var perSample = TensorBatch.Split(outputs, [2, 1]);

        Assert.Equal(new byte[] { 202 }, Assert.IsType<byte[]>(perSample[1]["mask"].Data));
        Assert.Equal(["cat", "dog"], Assert.IsType<string[]>(perSample[0]["labels"].Data));
        Assert.Equal("{\"mask\":[202],\"labels\":\"owl\"}", TensorJsonWriter.WriteOutputs(perSample[1], dropLeadingAxis: true));
    }
}
