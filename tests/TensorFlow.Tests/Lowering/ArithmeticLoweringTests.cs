using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class ArithmeticLoweringTests
{
    [Theory]
    [InlineData("Add", new[] { 11f, 22f, 13f, 24f })]
    [InlineData("AddV2", new[] { 11f, 22f, 13f, 24f })]
    [InlineData("Sub", new[] { -9f, -18f, -7f, -16f })]
    [InlineData("Mul", new[] { 10f, 40f, 30f, 80f })]
    [InlineData("RealDiv", new[] { 0.1f, 0.1f, 0.3f, 0.2f })]
    [InlineData("Maximum", new[] { 10f, 20f, 10f, 20f })]
    [InlineData("Minimum", new[] { 1f, 2f, 3f, 4f })]
    [InlineData("SquaredDifference", new[] { 81f, 324f, 49f, 256f })]
    public void Binary_ops_broadcast_a_row_over_a_matrix(string op, float[] expected)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, 2, 2);
        graph.Floats("row", [2], 10f, 20f);
        graph.Op(op, "y", DataType.DtFloat, "x", "row");
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([2, 2], 1f, 2f, 3f, 4f)));

        TensorAssert.Equal(F32([2, 2], expected), result, exact: false);
    }

    [Fact]
    public void Integer_floor_division_and_floor_modulo_round_toward_negative_infinity()
    {
        var graph = new TestGraph();
        graph.Input("a", DataType.DtInt32, -1);
        graph.Input("b", DataType.DtInt32, -1);
        graph.Op("FloorDiv", "q", DataType.DtInt32, "a", "b");
        graph.Op("FloorMod", "r", DataType.DtInt32, "a", "b");
        graph.Output("q", "q", DataType.DtInt32);
        graph.Output("r", "r", DataType.DtInt32);

        var outputs = Run(graph, new Dictionary<string, Cortex.Queue.Tensors.Tensor>
        {
            ["a"] = I32([4], 7, -7, 7, -7),
            ["b"] = I32([4], 2, 2, -2, -2),
        });

        Assert.Equal(new[] { 3, -4, -4, 3 }, (int[])outputs["q"].Data);
        Assert.Equal(new[] { 1, 1, -1, -1 }, (int[])outputs["r"].Data);
    }

    [Fact]
    public void Float_floor_modulo_takes_the_sign_of_the_divisor()
    {
        var graph = new TestGraph();
        graph.Input("a", DataType.DtFloat, -1);
        graph.Floats("b", [], 3f);
        graph.Op("FloorMod", "r", DataType.DtFloat, "a", "b");
        graph.Output("r", "r", DataType.DtFloat);

        var result = RunSingle(graph, ("a", F32([3], 7.5f, -7.5f, 6f)));

        TensorAssert.Equal(F32([3], 1.5f, 1.5f, 0f), result, exact: false);
    }

    [Theory]
    [InlineData("Square", 1f, 4f, 0.25f)]
    [InlineData("Sqrt", 1f, 1.41421356f, 0.70710678f)]
    [InlineData("Rsqrt", 1f, 0.70710678f, 1.41421356f)]
    [InlineData("Exp", 2.7182818f, 7.3890561f, 1.6487213f)]
    [InlineData("Log", 0f, 0.69314718f, -0.69314718f)]
    [InlineData("Neg", -1f, -2f, -0.5f)]
    [InlineData("Reciprocal", 1f, 0.5f, 2f)]
    [InlineData("Floor", 1f, 2f, 0f)]
    [InlineData("Ceil", 1f, 2f, 1f)]
    public void Unary_math_ops_match_their_definitions(string op, float at1, float at2, float atHalf)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Op(op, "y", DataType.DtFloat, "x");
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([3], 1f, 2f, 0.5f)));

        TensorAssert.Equal(F32([3], at1, at2, atHalf), result, exact: false);
    }

    [Fact]
    public void AddN_sums_every_input()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Floats("c", [1], 100f);
        graph.Op("AddN", "y", DataType.DtFloat, "x", "x", "c").Attr["N"] = new AttrValue { I = 3 };
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([2], 102f, 104f), RunSingle(graph, ("x", F32([2], 1f, 2f))), exact: true);
    }

    [Fact]
    public void Comparisons_and_logic_produce_booleans()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Floats("two", [], 2f);
        graph.Op("Greater", "gt", DataType.DtFloat, "x", "two");
        graph.Op("NotEqual", "ne", DataType.DtFloat, "x", "two");
        graph.Op("LogicalAnd", "y", null, "gt", "ne");
        graph.Output("y", "y", DataType.DtBool);

        var result = RunSingle(graph, ("x", F32([3], 1f, 2f, 3f)));

        Assert.Equal(new[] { false, false, true }, (bool[])result.Data);
    }

    [Fact]
    public void Matrix_product_honours_transpose_flags()
    {
        var graph = new TestGraph();
        graph.Input("a", DataType.DtFloat, 2, 3);
        graph.Floats("b", [2, 3], 1f, 0f, 1f, 0f, 1f, 0f);
        var matMul = graph.Op("MatMul", "y", DataType.DtFloat, "a", "b");
        matMul.Attr["transpose_b"] = new AttrValue { B = true };
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("a", F32([2, 3], 1f, 2f, 3f, 4f, 5f, 6f)));

        TensorAssert.Equal(F32([2, 2], 4f, 2f, 10f, 5f), result, exact: true);
    }

    [Fact]
    public void Batched_matrix_product_honours_adjoint_flags()
    {
        var graph = new TestGraph();
        graph.Input("a", DataType.DtFloat, -1, 2, 2);
        graph.Input("b", DataType.DtFloat, -1, 2, 2);
        graph.Op("BatchMatMulV2", "y", DataType.DtFloat, "a", "b").Attr["adj_x"] = new AttrValue { B = true };
        graph.Output("y", "y", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Cortex.Queue.Tensors.Tensor>
        {
            ["a"] = F32([1, 2, 2], 1f, 2f, 3f, 4f),
            ["b"] = F32([1, 2, 2], 1f, 0f, 0f, 1f),
        });

        TensorAssert.Equal(F32([1, 2, 2], 1f, 3f, 2f, 4f), outputs["y"], exact: true);
    }

    [Fact]
    public void Bias_is_added_per_channel_in_both_data_formats()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, 1, 2, 1, 2);
        graph.Floats("bias", [2], 10f, 100f);
        graph.Op("BiasAdd", "nhwc", DataType.DtFloat, "x", "bias");
        graph.Op("BiasAdd", "nchw", DataType.DtFloat, "x", "bias").Attr["data_format"] = TestGraph.Text("NCHW");
        graph.Output("nhwc", "nhwc", DataType.DtFloat);
        graph.Output("nchw", "nchw", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Cortex.Queue.Tensors.Tensor> { ["x"] = F32([1, 2, 1, 2], 1f, 2f, 3f, 4f) });

        TensorAssert.Equal(F32([1, 2, 1, 2], 11f, 102f, 13f, 104f), outputs["nhwc"], exact: true);
        TensorAssert.Equal(F32([1, 2, 1, 2], 11f, 12f, 103f, 104f), outputs["nchw"], exact: true);
    }

    [Fact]
    public void Einsum_contracts_by_its_equation()
    {
        var graph = new TestGraph();
        graph.Input("a", DataType.DtFloat, -1, 2);
        graph.Floats("b", [2, 2], 1f, 2f, 3f, 4f);
        graph.Op("Einsum", "y", DataType.DtFloat, "a", "b").Attr["equation"] = TestGraph.Text("ij,kj->ik");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([1, 2], 5f, 11f), RunSingle(graph, ("a", F32([1, 2], 1f, 2f))), exact: true);
    }
}
