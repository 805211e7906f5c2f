using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.IrisTrainer;

/// <summary>
/// Writes the trained classifier as ONNX: input <c>input</c> float32 [?, 4] in centimetres; outputs
/// <c>class_index</c> int64 [?] and <c>probabilities</c> float32 [?, 3].
/// </summary>
public static class IrisOnnxExporter
{
    public const int Opset = 13;

    public static byte[] Export(MlpClassifier model, FeatureScaling scaling)
    {
        var builder = new OnnxGraphBuilder(Opset, "iris_classifier")
        {
            DocString = "Iris species from sepal length, sepal width, petal length, petal width (cm). " +
                        "Classes: " + string.Join(", ", IrisDataset.SpeciesNames) + ". Written by tools/IrisTrainer.",
        };
        var input = builder.AddInput("input", TensorDataType.Float32, [TensorSpec.DynamicDimension, model.Inputs]);

        var mean = builder.AddConstant("mean", Vector(scaling.Mean));
        var deviation = builder.AddConstant("standard_deviation", Vector(scaling.StandardDeviation));
        var w1 = builder.AddConstant("hidden_weights", Matrix(model.W1, model.Inputs, model.Hidden));
        var b1 = builder.AddConstant("hidden_bias", Vector(model.B1));
        var w2 = builder.AddConstant("output_weights", Matrix(model.W2, model.Hidden, model.Classes));
        var b2 = builder.AddConstant("output_bias", Vector(model.B2));

        var standardized = builder.AddOperation("Div", [builder.AddOperation("Sub", [input, mean]), deviation]);
        var hidden = builder.AddOperation("Relu", [builder.AddOperation("Add", [builder.AddOperation("MatMul", [standardized, w1]), b1])]);
        var logits = builder.AddOperation("Add", [builder.AddOperation("MatMul", [hidden, w2]), b2]);
        builder.AddNode("Softmax", [logits], ["probabilities"], OnnxAttribute.Int("axis", 1));
        // Argmax of the probabilities (not the logits) so class_index always agrees with the probabilities returned.
        builder.AddNode("ArgMax", ["probabilities"], ["class_index"], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0));

        builder.AddOutput("class_index", TensorDataType.Int64, [TensorSpec.DynamicDimension]);
        builder.AddOutput("probabilities", TensorDataType.Float32, [TensorSpec.DynamicDimension, model.Classes]);
        return builder.ToBytes();
    }

    private static Tensor Vector(IReadOnlyList<float> values) =>
        new(TensorDataType.Float32, [values.Count], values.ToArray());

    private static Tensor Vector(double[] values) =>
        new(TensorDataType.Float32, [values.Length], values.Select(v => (float)v).ToArray());

    private static Tensor Matrix(double[] values, int rows, int columns) =>
        new(TensorDataType.Float32, [rows, columns], values.Select(v => (float)v).ToArray());
}
