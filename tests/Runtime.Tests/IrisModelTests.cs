using System.Globalization;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Runtime.Tests.Fixtures;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

/// <summary>The example model committed under examples/iris-classifier, written by tools/IrisTrainer.</summary>
public sealed class IrisModelTests
{
    private static readonly string[] Species = ["iris-setosa", "iris-versicolor", "iris-virginica"];

    private static string ExampleFolder => TestPaths.InRepository("examples", "iris-classifier");

    [Fact]
    public void The_iris_model_takes_four_measurements_and_returns_class_index_and_probabilities()
    {
        using var model = LoadIrisModel();

        SpecAssert.Matches(Assert.Single(model.Signature.Inputs), "input", TensorDataType.Float32, -1, 4);
        Assert.Equal(2, model.Signature.Outputs.Count);
        SpecAssert.Matches(model.Signature.Outputs[0], "class_index", TensorDataType.Int64, -1);
        SpecAssert.Matches(model.Signature.Outputs[1], "probabilities", TensorDataType.Float32, -1, 3);
    }

    [Fact]
    public void The_iris_model_classifies_at_least_95_percent_of_iris_csv_correctly()
    {
        var (measurements, labels) = ReadIrisCsv();
        using var model = LoadIrisModel();

        var outputs = model.Run(TestTensors.Inputs(("input", TestTensors.Float32([labels.Length, 4], measurements))));

        var classIndex = (long[])outputs["class_index"].Data;
        var probabilities = (float[])outputs["probabilities"].Data;
        Assert.Equal(150, labels.Length);
        Assert.Equal([150L, 3], outputs["probabilities"].Shape);
        var correct = labels.Where((label, i) => classIndex[i] == label).Count();
        Assert.True(correct >= 143, $"{correct}/150 correct");
        for (var i = 0; i < labels.Length; i++)
        {
            var row = probabilities.AsSpan(i * 3, 3).ToArray();
            Assert.Equal(1.0, row.Sum(), 4);
            Assert.Equal(Array.IndexOf(row, row.Max()), classIndex[i]);
        }
    }

    private static IModel LoadIrisModel() => ModelLoader.Default.Load(
        new Config.ModelConfig
        {
            Kind = Config.ModelKind.Onnx,
            Path = "model.onnx",
            ResolvedPath = Path.Combine(ExampleFolder, "model.onnx"),
            Location = new Config.SourceLocation("cortex.yaml", 1, 1),
        },
        new ModelLoadOptions());

    private static (float[] Measurements, int[] Labels) ReadIrisCsv()
    {
        var rows = File.ReadAllLines(Path.Combine(ExampleFolder, "data", "iris.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var measurements = new List<float>();
        var labels = new List<int>();
        foreach (var row in rows)
        {
            var fields = row.Split(',');
            measurements.AddRange(fields[..4].Select(f => float.Parse(f, CultureInfo.InvariantCulture)));
            labels.Add(Array.IndexOf(Species, fields[4]));
        }
        Assert.DoesNotContain(-1, labels);
        return (measurements.ToArray(), labels.ToArray());
    }
}
