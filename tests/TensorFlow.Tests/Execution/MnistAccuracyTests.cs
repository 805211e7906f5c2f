using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Execution;

/// <summary>The MNIST models, lowered and run on ONNX Runtime, classify the 10,000 real test digits as well as they should.</summary>
public sealed class MnistAccuracyTests
{
    [FixtureFact]
    public void Keras_dense_model_reaches_its_reference_accuracy_on_the_test_digits()
    {
        var accuracy = Accuracy("tfnet_keras_mnist_dense", pixel => pixel / 255f);
        Assert.True(accuracy >= 0.945, $"accuracy {accuracy:F4} is below 0.945 (numpy reference: 0.9508)");
    }

    [FixtureFact]
    public void Tf1_convolutional_model_reaches_its_reference_accuracy_on_the_test_digits()
    {
        // ML.NET feeds this model raw 0..255 pixels.
        var accuracy = Accuracy("mlnet_mnist_conv", pixel => pixel);
        Assert.True(accuracy >= 0.77, $"accuracy {accuracy:F4} is below 0.77 (numpy reference: 0.7813)");
    }

    [FixtureFact]
    public void Keras_dense_model_gives_the_reference_probabilities_for_the_first_digit()
    {
        var mnist = MnistTestSet.Load();
        using var model = TensorFlowModel.Load(FixturePaths.Model("tfnet_keras_mnist_dense"));
        var input = model.Signature.Inputs.Single();
        var outputs = model.Run(new Dictionary<string, Tensor> { [input.Name] = new(TensorDataType.Float32, [1, 28, 28, 1], mnist.Batch(0, 1, p => p / 255f)) });
        var probabilities = (float[])outputs["softmax"].Data;
        float[] reference = [2.6e-05f, 1e-06f, 0.000499f, 0.001327f, 0f, 5e-05f, 0f, 0.997885f, 4.5e-05f, 0.000167f];
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.InRange(probabilities[i], reference[i] - 1e-4f, reference[i] + 1e-4f);
        }
    }

    private static double Accuracy(string fixture, Func<byte, float> scale)
    {
        var mnist = MnistTestSet.Load();
        using var model = TensorFlowModel.Load(FixturePaths.Model(fixture));
        var input = model.Signature.Inputs.Single();
        var output = model.Signature.Outputs.Single();
        const int batch = 500;
        var correct = 0;
        for (var start = 0; start < mnist.Count; start += batch)
        {
            var count = Math.Min(batch, mnist.Count - start);
            var tensor = new Tensor(TensorDataType.Float32, [count, 28, 28, 1], mnist.Batch(start, count, scale));
            var probabilities = (float[])model.Run(new Dictionary<string, Tensor> { [input.Name] = tensor })[output.Name].Data;
            for (var i = 0; i < count; i++)
            {
                var row = probabilities.AsSpan(i * 10, 10);
                var predicted = row.IndexOf(row.ToArray().Max());
                correct += predicted == mnist.Labels[start + i] ? 1 : 0;
            }
        }
        return correct / (double)mnist.Count;
    }
}
