using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>Small ONNX models written by the project's own graph builder, so tests run on a clone without fixtures.</summary>
public static class TestModels
{
    private const int Opset = 17;

    /// <summary>x float32 [?, 3] → y = 2x + 1 [?, 3] and total = sum of y's row [?].</summary>
    public static void WriteAffine(string path)
    {
        var graph = new OnnxGraphBuilder(Opset, "affine");
        graph.AddInput("x", TensorDataType.Float32, [-1, 3]);
        var two = graph.AddConstant("two", Scalar(2f));
        var one = graph.AddConstant("one", Scalar(1f));
        var axes = graph.AddConstant("axes", new Tensor(TensorDataType.Int64, [1], new long[] { 1 }));
        var scaled = graph.AddOperation("Mul", ["x", two]);
        graph.AddNode("Add", [scaled, one], ["y"]);
        graph.AddNode("ReduceSum", ["y", axes], ["total"], OnnxAttribute.Int("keepdims", 0));
        graph.AddOutput("y", TensorDataType.Float32, [-1, 3]);
        graph.AddOutput("total", TensorDataType.Float32, [-1]);
        File.WriteAllBytes(path, graph.ToBytes());
    }

    /// <summary>
    /// x float32 [?, ?] reshaped to rows of four: a row of any other length makes the model itself fail,
    /// which is how a sample that passes validation can still fail inside a batch.
    /// </summary>
    public static void WriteRowsOfFour(string path)
    {
        var graph = new OnnxGraphBuilder(Opset, "rows-of-four");
        graph.AddInput("x", TensorDataType.Float32, [-1, -1]);
        var shape = graph.AddConstant("shape", new Tensor(TensorDataType.Int64, [2], new long[] { -1, 4 }));
        var reshaped = graph.AddOperation("Reshape", ["x", shape]);
        var ten = graph.AddConstant("ten", Scalar(10f));
        graph.AddNode("Mul", [reshaped, ten], ["y"]);
        graph.AddOutput("y", TensorDataType.Float32, [-1, 4]);
        File.WriteAllBytes(path, graph.ToBytes());
    }

    /// <summary>x float32 [?, 128] through <paramref name="layers"/> dense tanh layers: slow enough that a worker holds requests in flight.</summary>
    public static void WriteSlow(string path, int layers = 40)
    {
        var graph = new OnnxGraphBuilder(Opset, "slow");
        graph.AddInput("x", TensorDataType.Float32, [-1, 128]);
        var weights = new float[128 * 128];
        for (var i = 0; i < 128; i++)
        {
            weights[i * 128 + i] = 1f;
        }
        var w = graph.AddConstant("w", new Tensor(TensorDataType.Float32, [128, 128], weights));
        var current = "x";
        for (var layer = 0; layer < layers; layer++)
        {
            current = graph.AddOperation("MatMul", [current, w]);
        }
        var axes = graph.AddConstant("axes", new Tensor(TensorDataType.Int64, [1], new long[] { 1 }));
        graph.AddNode("ReduceSum", [current, axes], ["total"], OnnxAttribute.Int("keepdims", 0));
        graph.AddOutput("total", TensorDataType.Float32, [-1]);
        File.WriteAllBytes(path, graph.ToBytes());
    }

    private static Tensor Scalar(float value) => new(TensorDataType.Float32, [], new[] { value });
}
