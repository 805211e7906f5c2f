namespace Cortex.Queue.Runtime.Tests.Fixtures;

/// <summary>The shared ONNX fixtures and the data they are measured on.</summary>
public static class FixtureModels
{
    public static string LeNetPath => TestPaths.Fixture("onnx", "pytorch_lenet5_mnist", "mnist.onnx");

    public static string LeNetReferencePath => TestPaths.Fixture("onnx", "pytorch_lenet5_mnist", "expected", "reference_outputs.json");

    public static string KerasMlpPath => TestPaths.Fixture("onnx", "keras_mlp_mnist_tf2onnx", "mnist.onnx");

    public static string KerasMlpReferencePath => TestPaths.Fixture("onnx", "keras_mlp_mnist_tf2onnx", "expected", "reference_outputs.json");

    public static string MnistFolder => TestPaths.Fixture("datasets", "mnist_t10k");
}
