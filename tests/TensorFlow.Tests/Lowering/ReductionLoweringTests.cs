using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class ReductionLoweringTests
{
    private static readonly Tensor Matrix = F32([2, 3], 1f, 2f, 3f, 4f, 5f, 6f);

    [Theory]
    [InlineData("Mean", new[] { 2f, 5f })]
    [InlineData("Sum", new[] { 6f, 15f })]
    [InlineData("Max", new[] { 3f, 6f })]
    [InlineData("Min", new[] { 1f, 4f })]
    [InlineData("Prod", new[] { 6f, 120f })]
    public void Reductions_over_the_last_axis_drop_it(string op, float[] expected)
    {
        TensorAssert.Equal(F32([2], expected), RunSingle(Reduction(op, keepDims: false, 1), ("x", Matrix)), exact: false);
    }

    [Fact]
    public void Keep_dims_leaves_a_unit_axis_and_a_scalar_axis_is_accepted()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Int("axis", 0);
        graph.Op("Sum", "y", DataType.DtFloat, "x", "axis").Attr["keep_dims"] = new AttrValue { B = true };
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([1, 3], 5f, 7f, 9f), RunSingle(graph, ("x", Matrix)), exact: true);
    }

    [Fact]
    public void Reducing_over_an_empty_axis_list_changes_nothing()
    {
        TensorAssert.Equal(Matrix, RunSingle(Reduction("Max", keepDims: false), ("x", Matrix)), exact: true);
    }

    [Fact]
    public void Arg_max_returns_indices_of_the_requested_type()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Int("axis", 1);
        graph.Op("ArgMax", "y", DataType.DtFloat, "x", "axis").Attr["output_type"] = new AttrValue { Type = DataType.DtInt32 };
        graph.Output("y", "y", DataType.DtInt32);

        TensorAssert.Equal(I32([2], 1, 0), RunSingle(graph, ("x", F32([2, 3], 1f, 9f, 3f, 8f, 5f, 6f))), exact: true);
    }

    private static TestGraph Reduction(string op, bool keepDims, params int[] axes)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Ints("axes", axes);
        graph.Op(op, "y", DataType.DtFloat, "x", "axes").Attr["keep_dims"] = new AttrValue { B = keepDims };
        graph.Output("y", "y", DataType.DtFloat);
        return graph;
    }
}
