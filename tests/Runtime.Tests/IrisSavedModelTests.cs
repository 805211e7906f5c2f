using System.Globalization;
using Cortex.Queue.Config;
using Cortex.Queue.Runtime.Loading;
using Cortex.Queue.Runtime.Tests.Fixtures;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.TensorFlow.Execution;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

/// <summary>
/// The iris example's TensorFlow SavedModel (examples/iris-classifier/savedmodel, written by tools/IrisTrainer), served
/// by examples/iris-classifier-tensorflow/cortex.yaml.
/// </summary>
public sealed class IrisSavedModelTests
{
    private static string TensorFlowExample => TestPaths.InRepository("examples", "iris-classifier-tensorflow");

    private static string OnnxExample => TestPaths.InRepository("examples", "iris-classifier");

    [Fact]
    public void The_tensorflow_example_serves_version_1_and_classifies_its_setosa_sample_as_class_0()
    {
        var config = CortexConfigLoader.LoadOrThrow(Path.Combine(TensorFlowExample, "cortex.yaml"));
        var api = Assert.Single(config.Apis);
        var sample = File.ReadAllText(Path.Combine(TensorFlowExample, "sample.json"));
        var measurements = System.Text.Json.JsonDocument.Parse(sample).RootElement.GetProperty("input").EnumerateArray().Select(v => v.GetSingle()).ToArray();

        using var model = new ModelLoader([new TensorFlowModelFormat(cache: null)]).Load(api.Model, new ModelLoadOptions());
        var outputs = model.Run(new Dictionary<string, Tensor> { ["input"] = new(TensorDataType.Float32, [1, 4], measurements) });

        Assert.Equal(ModelKind.TensorFlow, api.Model.Kind);
        Assert.Equal("/iris-tf/classifier", api.Endpoint);
        Assert.Contains("(version 1)", model.Description);
        Assert.Equal([0L], (long[])outputs["class_index"].Data);
        Assert.True(((float[])outputs["probabilities"].Data)[0] > 0.9f);
    }

    [Fact]
    public void The_savedmodel_and_the_onnx_model_agree_on_every_iris_sample()
    {
        var measurements = File.ReadAllLines(Path.Combine(OnnxExample, "data", "iris.csv")).Skip(1).Where(l => l.Length > 0)
            .SelectMany(l => l.Split(',')[..4].Select(f => float.Parse(f, CultureInfo.InvariantCulture))).ToArray();
        var batch = new Dictionary<string, Tensor> { ["input"] = new(TensorDataType.Float32, [measurements.Length / 4, 4], measurements) };

        using var savedModel = TensorFlowModel.Load(Path.Combine(OnnxExample, "savedmodel"));
        using var onnx = ModelLoader.Default.Load(
            new ModelConfig { Kind = ModelKind.Onnx, Path = "model.onnx", ResolvedPath = Path.Combine(OnnxExample, "model.onnx"), Location = new SourceLocation("cortex.yaml", 1, 1) },
            new ModelLoadOptions());
        var fromSavedModel = savedModel.Run(batch);
        var fromOnnx = onnx.Run(batch);

        Assert.Equal(150, fromSavedModel["class_index"].Shape[0]);
        Assert.Equal((long[])fromOnnx["class_index"].Data, (long[])fromSavedModel["class_index"].Data);
        var expected = (float[])fromOnnx["probabilities"].Data;
        var actual = (float[])fromSavedModel["probabilities"].Data;
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f, $"probability {i}: ONNX {expected[i]}, SavedModel {actual[i]}");
        }
    }
}
