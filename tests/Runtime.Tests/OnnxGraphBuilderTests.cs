using Cortex.Queue.Runtime.Execution;
using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Runtime.Onnx.Protos;
using Cortex.Queue.Runtime.Tests.Support;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.Runtime.Tests;

public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void A_model_built_for_x_times_two_plus_one_computes_it()
    {
        using var model = OnnxModel.FromBytes(TestModels.Affine(scale: 2, offset: 1), "affine");

        var y = model.Run(TestTensors.Inputs(("x", TestTensors.Float32([2, 3], 0, 1, 2, -1, 0.5f, 10))))["y"];

        Assert.Equal(TensorDataType.Float32, y.DataType);
        Assert.Equal([2L, 3], y.Shape);
        Assert.Equal([1f, 3, 5, -1, 2, 21], (float[])y.Data);
    }

    [Fact]
    public void A_dynamic_first_axis_is_written_as_the_symbolic_batch_dimension()
    {
        var proto = ModelProto.Parser.ParseFrom(TestModels.Affine());
        using var model = OnnxModel.FromBytes(TestModels.Affine(), "affine");

        var firstAxis = proto.Graph.Input[0].Type.TensorType.Shape.Dim[0];
        Assert.Equal("batch", firstAxis.DimParam);
        Assert.Equal([-1L, 3], model.Signature.Inputs[0].Shape);
        Assert.Equal(OnnxIrVersions.ForOpset(13), proto.IrVersion);
        Assert.Equal(13, Assert.Single(proto.OpsetImport).Version);
    }

    [Fact]
    public void An_attribute_whose_value_is_zero_still_reaches_the_model()
    {
        // Concat has no default axis: if axis = 0 were dropped as a default value, ONNX Runtime would refuse the model.
        var builder = new OnnxGraphBuilder(13);
        var a = builder.AddInput("a", TensorDataType.Float32, [1, 2]);
        var b = builder.AddInput("b", TensorDataType.Float32, [1, 2]);
        builder.AddNode("Concat", [a, b], ["stacked"], OnnxAttribute.Int("axis", 0));
        builder.AddOutput("stacked", TensorDataType.Float32, [2, 2]);
        using var model = OnnxModel.FromBytes(builder.ToBytes(), "concat");

        var stacked = model.Run(TestTensors.Inputs(("a", TestTensors.Float32([1, 2], 1, 2)), ("b", TestTensors.Float32([1, 2], 3, 4))))["stacked"];

        Assert.Equal([2L, 2], stacked.Shape);
        Assert.Equal([1f, 2, 3, 4], (float[])stacked.Data);
    }

    [Fact]
    public void Reading_a_value_that_nothing_writes_fails_when_building_and_names_it()
    {
        var builder = new OnnxGraphBuilder(13);
        var x = builder.AddInput("x", TensorDataType.Float32, [-1]);
        builder.AddNode("Add", [x, "missing_bias"], ["y"]);
        builder.AddOutput("y", TensorDataType.Float32, [-1]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());

        Assert.Contains("missing_bias", error.Message);
    }

    [Fact]
    public void Two_values_with_one_name_are_rejected()
    {
        var builder = new OnnxGraphBuilder(13);
        builder.AddInput("x", TensorDataType.Float32, [-1]);

        var error = Assert.Throws<ArgumentException>(() => builder.AddInitializer("x", TestTensors.Float32([1], 1)));

        Assert.Contains("'x'", error.Message);
    }

    [Fact]
    public void Generated_names_never_collide_with_names_already_taken()
    {
        var builder = new OnnxGraphBuilder(13);
        builder.AddInput("Relu", TensorDataType.Float32, [-1]);

        var first = builder.AddOperation("Relu", ["Relu"]);
        var second = builder.AddOperation("Relu", [first]);

        Assert.Equal(3, new[] { "Relu", first, second }.Distinct().Count());
    }

    [Fact]
    public void String_tensors_pass_through_a_model_both_ways()
    {
        var builder = new OnnxGraphBuilder(13);
        var words = builder.AddInput("words", TensorDataType.String, [-1]);
        builder.AddNode("Identity", [words], ["echo"]);
        builder.AddOutput("echo", TensorDataType.String, [-1]);
        using var model = OnnxModel.FromBytes(builder.ToBytes(), "echo");

        var echo = model.Run(TestTensors.Inputs(("words", new Tensor(TensorDataType.String, [3], new[] { "iris", "", "Grüße" }))))["echo"];

        Assert.Equal(TensorDataType.String, echo.DataType);
        Assert.Equal(["iris", "", "Grüße"], (string[])echo.Data);
    }

    [Fact]
    public void Half_precision_tensors_pass_through_a_model_both_ways()
    {
        var builder = new OnnxGraphBuilder(13);
        var x = builder.AddInput("x", TensorDataType.Float16, [-1]);
        var two = builder.AddConstant("two", new Tensor(TensorDataType.Float16, [], new[] { (Half)2 }));
        builder.AddNode("Mul", [x, two], ["doubled"]);
        builder.AddOutput("doubled", TensorDataType.Float16, [-1]);
        using var model = OnnxModel.FromBytes(builder.ToBytes(), "half");

        var doubled = model.Run(TestTensors.Inputs(("x", new Tensor(TensorDataType.Float16, [3], new[] { (Half)0.5, (Half)(-3), (Half)1024 }))))["doubled"];

        Assert.Equal(TensorDataType.Float16, doubled.DataType);
        Assert.Equal([(Half)1, (Half)(-6), (Half)2048], (Half[])doubled.Data);
    }
}
