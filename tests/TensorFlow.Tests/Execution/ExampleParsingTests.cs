using Cortex.Queue.Runtime;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.HostSegments;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

/// <summary>Signatures that take serialized tf.Examples: parsing runs in managed code, the arithmetic on ONNX Runtime.</summary>
public sealed class ExampleParsingTests
{
    [FixtureTheory]
    [InlineData("tfserving_half_plus_two_cpu", "regress_x_to_y", "outputs", 3f)]
    [InlineData("tfserving_half_plus_two_cpu", "regress_x_to_y2", "outputs", 4f)]
    [InlineData("tfserving_half_plus_two_cpu", "classify_x_to_y", "scores", 3f)]
    [InlineData("tfserving_half_plus_two_tf2_cpu", "regress_x_to_y", "outputs", 3f)]
    [InlineData("tfserving_half_plus_two_tf2_cpu", "regress_x_to_y2", "outputs", 4f)]
    [InlineData("tfserving_half_plus_two_tf2_cpu", "classify_x_to_y", "scores", 3f)]
    public void Regress_and_classify_signatures_compute_from_the_example_feature(string fixture, string signature, string output, float expected)
    {
        using var model = TensorFlowModel.Load(FixturePaths.Model(fixture), new ModelLoadOptions { SignatureKey = signature });

        var result = model.Run(new Dictionary<string, Tensor> { ["inputs"] = Examples.Batch(Examples.Floats(("x", [2f]))) })[output];

        Assert.Equal([1L, 1], result.Shape);
        Assert.Equal(expected, ((float[])result.Data)[0]);
    }

    [FixtureFact]
    public void Each_example_of_a_batch_gives_its_own_row()
    {
        using var model = TensorFlowModel.Load(FixturePaths.Model("tfserving_half_plus_three"), new ModelLoadOptions { SignatureKey = "tensorflow/serving/regress" });

        var result = model.Run(new Dictionary<string, Tensor>
        {
            ["inputs"] = Examples.Batch(Examples.Floats(("x", [1f])), Examples.Floats(("x", [2f]))),
        })["outputs"];

        Assert.Equal(new[] { 3.5f, 4f }, (float[])result.Data);
    }

    [FixtureFact]
    public void A_missing_required_feature_is_a_request_error_naming_it()
    {
        using var model = TensorFlowModel.Load(FixturePaths.Model("tfserving_half_plus_two_cpu"), new ModelLoadOptions { SignatureKey = "regress_x_to_y" });

        var error = Assert.Throws<ArgumentException>(() =>
            model.Run(new Dictionary<string, Tensor> { ["inputs"] = Examples.Batch(Examples.Floats(("x2", [2f]))) }));

        Assert.Contains("lacks feature 'x'", error.Message, StringComparison.Ordinal);
    }

    [FixtureFact]
    public void The_penguin_classifier_reaches_its_reference_accuracy_on_the_real_eval_examples()
    {
        var records = TfRecordReader.ReadGzip(Path.Combine(FixturePaths.Dataset("penguin_tfx"), "Split-eval", "data_tfrecord-00000-of-00001.gz"));
        using var model = TensorFlowModel.Load(FixturePaths.Model("tfx_penguin_keras"));
        var serialized = records.Select(SerializedStrings.FromBytes).ToArray();

        var probabilities = (float[])model.Run(new Dictionary<string, Tensor> { ["examples"] = Examples.Batch(serialized) })["output_0"].Data;

        var labels = records.Select(r => Protos.Example.Parser.ParseFrom(r).Features.Feature["species"].Int64List.Value[0]).ToArray();
        var correct = labels.Where((label, i) => ArgMax(probabilities.AsSpan(i * 3, 3)) == label).Count();
        Assert.True(correct / (double)labels.Length >= 0.95, $"accuracy {correct / (double)labels.Length:F3} is below 0.95 (numpy reference: 0.96)");
        float[] firstReference = [0.94876f, 0.04429f, 0.00695f];
        for (var k = 0; k < 3; k++)
        {
            Assert.InRange(probabilities[k], firstReference[k] - 1e-4f, firstReference[k] + 1e-4f);
        }
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            best = row[i] > row[best] ? i : best;
        }
        return best;
    }
}
