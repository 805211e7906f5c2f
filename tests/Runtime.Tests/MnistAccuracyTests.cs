using System.Text.Json;
using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Runtime.Tests.Fixtures;
using Cortex.Queue.Runtime.Tests.Support;

namespace Cortex.Queue.Runtime.Tests;

/// <summary>Real models on real digits: accuracy on all 10,000 MNIST test images and exact outputs for the first ten.</summary>
public sealed class MnistAccuracyTests
{
    private const int BatchSize = 1000;

    // Both fixtures were measured with ONNX Runtime 1.31.1 on CPU; other builds may differ by an image or two.
    private const int AllowedDifference = 2;

    private static readonly Lazy<MnistTestSet> Digits = new(() => MnistTestSet.Load(FixtureModels.MnistFolder));

    [FixtureFact]
    public void LeNet_classifies_9813_of_the_10000_test_digits()
    {
        using var model = OnnxModel.Load(FixtureModels.LeNetPath);

        var correct = CountCorrect(model, "input", image => [image, 1, 28, 28]);

        Assert.InRange(correct, 9813 - AllowedDifference, 9813 + AllowedDifference);
    }

    [FixtureFact]
    public void Keras_mlp_classifies_9741_of_the_10000_test_digits()
    {
        using var model = OnnxModel.Load(FixtureModels.KerasMlpPath);

        var correct = CountCorrect(model, "input_layer", image => [image, 784]);

        Assert.InRange(correct, 9741 - AllowedDifference, 9741 + AllowedDifference);
    }

    [FixtureFact]
    public void LeNet_logits_for_the_first_ten_digits_match_the_reference_values()
    {
        using var model = OnnxModel.Load(FixtureModels.LeNetPath);

        AssertMatchesReference(model, "input", [10, 1, 28, 28], FixtureModels.LeNetReferencePath);
    }

    [FixtureFact]
    public void Keras_mlp_probabilities_for_the_first_ten_digits_match_the_reference_values()
    {
        using var model = OnnxModel.Load(FixtureModels.KerasMlpPath);

        AssertMatchesReference(model, "input_layer", [10, 784], FixtureModels.KerasMlpReferencePath);
    }

    private static int CountCorrect(OnnxModel model, string inputName, Func<int, long[]> shapeForBatch)
    {
        var digits = Digits.Value;
        var outputName = model.Signature.Outputs[0].Name;
        var correct = 0;
        for (var start = 0; start < digits.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, digits.Count - start);
            var batch = TestTensors.Float32(shapeForBatch(count), digits.ScaledPixels(start, count));
            var scores = (float[])model.Run(TestTensors.Inputs((inputName, batch)))[outputName].Data;
            for (var i = 0; i < count; i++)
            {
                if (ArgMax(scores.AsSpan(i * 10, 10)) == digits.Labels[start + i])
                {
                    correct++;
                }
            }
        }
        return correct;
    }

    private static void AssertMatchesReference(OnnxModel model, string inputName, long[] shape, string referencePath)
    {
        const double relativeTolerance = 1e-4;
        const double absoluteTolerance = 1e-5;
        using var reference = JsonDocument.Parse(File.ReadAllText(referencePath));
        var expectedImages = reference.RootElement.GetProperty("first_images_x255").EnumerateArray().ToArray();
        var batch = TestTensors.Float32(shape, Digits.Value.ScaledPixels(0, (int)shape[0]));

        var actual = (float[])model.Run(TestTensors.Inputs((inputName, batch)))[model.Signature.Outputs[0].Name].Data;

        Assert.Equal(10, expectedImages.Length);
        foreach (var image in expectedImages)
        {
            var index = image.GetProperty("index").GetInt32();
            var expected = image.GetProperty("output").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (var k = 0; k < expected.Length; k++)
            {
                var got = actual[index * 10 + k];
                Assert.True(Math.Abs(got - expected[k]) <= absoluteTolerance + relativeTolerance * Math.Abs(expected[k]),
                    $"image {index}, class {k}: expected {expected[k]:R}, got {got:R}");
            }
            Assert.Equal(image.GetProperty("predicted").GetInt32(), ArgMax(actual.AsSpan(index * 10, 10)));
        }
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}
