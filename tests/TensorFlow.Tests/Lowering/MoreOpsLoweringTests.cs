using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class MoreOpsLoweringTests
{
    [Theory]
    [InlineData("SAME", 2, 3, 3, 6, 6, true)]
    [InlineData("SAME", 2, 3, 3, 5, 5, true)]
    [InlineData("VALID", 2, 3, 3, 7, 7, true)]
    [InlineData("VALID", 1, 3, 3, 5, 5, true)]
    [InlineData("SAME", 2, 3, 3, 6, 6, false)]
    [InlineData("VALID", 2, 3, 3, 7, 7, false)]
    public void Transposed_convolution_spreads_each_input_over_the_requested_output(string padding, int stride, int ih, int iw, int oh, int ow, bool staticSize)
    {
        const int n = 1, o = 2, c = 3, k = 3;
        var dy = ReferenceOps.Sequence(n * ih * iw * o, i => (float)Math.Sin(i * 0.9));
        var filter = ReferenceOps.Sequence(k * k * c * o, i => (float)Math.Cos(i * 0.4));
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, staticSize ? [-1, ih, iw, o] : [-1, -1, -1, o]);
        graph.Ints("sizes", n, oh, ow, c);
        graph.Floats("filter", [k, k, c, o], filter);
        var conv = graph.Op("Conv2DBackpropInput", "y", DataType.DtFloat, "sizes", "filter", "x");
        conv.Attr["strides"] = TestGraph.IntList(1, stride, stride, 1);
        conv.Attr["padding"] = TestGraph.Text(padding);
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([n, ih, iw, o], dy)));

        var expected = ReferenceOps.ConvTranspose(dy, n, ih, iw, o, filter, k, k, c, oh, ow, stride, padding == "SAME");
        TensorAssert.Equal(F32([n, oh, ow, c], expected), result, exact: false);
    }

    [Fact]
    public void Broadcast_to_and_reverse_reshape_values()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Ints("shape", 2, 3);
        graph.Op("BroadcastTo", "wide", DataType.DtFloat, "x", "shape");
        graph.Ints("axes", 1);
        graph.Op("ReverseV2", "y", DataType.DtFloat, "wide", "axes");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([2, 3], 3f, 2f, 1f, 3f, 2f, 1f), RunSingle(graph, ("x", F32([3], 1f, 2f, 3f))), exact: true);
    }

    [Fact]
    public void Top_k_returns_the_largest_values_and_their_int32_indices()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 4);
        graph.Int("k", 2);
        graph.Op("TopKV2", "top", DataType.DtFloat, "x", "k");
        graph.Output("values", "top:0", DataType.DtFloat);
        graph.Output("indices", "top:1", DataType.DtInt32);

        var outputs = Run(graph, new Dictionary<string, Tensor> { ["x"] = F32([1, 4], 3f, 9f, 1f, 5f) });

        TensorAssert.Equal(F32([1, 2], 9f, 5f), outputs["values"], exact: true);
        TensorAssert.Equal(I32([1, 2], 1, 3), outputs["indices"], exact: true);
    }

    [Fact]
    public void Cumulative_sum_supports_exclusive_and_reverse()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Int("axis", 0);
        var cumsum = graph.Op("Cumsum", "y", DataType.DtFloat, "x", "axis");
        cumsum.Attr["exclusive"] = new AttrValue { B = true };
        cumsum.Attr["reverse"] = new AttrValue { B = true };
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([3], 5f, 3f, 0f), RunSingle(graph, ("x", F32([3], 1f, 2f, 3f))), exact: true);
    }

    [Theory]
    [InlineData("ResizeNearestNeighbor", false, false, new[] { 1f, 1f, 2f, 2f, 1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 3f, 3f, 4f, 4f })]
    [InlineData("ResizeBilinear", false, false, new[] { 1f, 1.5f, 2f, 2f, 2f, 2.5f, 3f, 3f, 3f, 3.5f, 4f, 4f, 3f, 3.5f, 4f, 4f })]
    [InlineData("ResizeBilinear", false, true, new[] { 1f, 1.25f, 1.75f, 2f, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3f, 3.25f, 3.75f, 4f })]
    public void Resizing_doubles_an_image_the_way_tensorflow_does(string op, bool alignCorners, bool halfPixel, float[] expected)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 2, 2, 1);
        graph.Ints("size", 4, 4);
        var resize = graph.Op(op, "y", DataType.DtFloat, "x", "size");
        resize.Attr["align_corners"] = new AttrValue { B = alignCorners };
        resize.Attr["half_pixel_centers"] = new AttrValue { B = halfPixel };
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([1, 4, 4, 1], expected), RunSingle(graph, ("x", F32([1, 2, 2, 1], 1f, 2f, 3f, 4f))), exact: false);
    }

    [Fact]
    public void Depth_to_space_moves_channels_into_blocks_and_space_to_depth_moves_them_back()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 1, 1, 4);
        graph.Op("DepthToSpace", "space", DataType.DtFloat, "x").Attr["block_size"] = new AttrValue { I = 2 };
        graph.Op("SpaceToDepth", "depth", DataType.DtFloat, "space").Attr["block_size"] = new AttrValue { I = 2 };
        graph.Output("space", "space", DataType.DtFloat);
        graph.Output("depth", "depth", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Tensor> { ["x"] = F32([1, 1, 1, 4], 1f, 2f, 3f, 4f) });

        TensorAssert.Equal(F32([1, 2, 2, 1], 1f, 2f, 3f, 4f), outputs["space"], exact: true);
        TensorAssert.Equal(F32([1, 1, 1, 4], 1f, 2f, 3f, 4f), outputs["depth"], exact: true);
    }

    [Theory]
    [InlineData(-1, 0, new[] { 1f, 0f, 0f, 4f, 5f, 0f, 7f, 8f, 9f })]
    [InlineData(0, -1, new[] { 1f, 2f, 3f, 0f, 5f, 6f, 0f, 0f, 9f })]
    [InlineData(1, 0, new[] { 1f, 0f, 0f, 4f, 5f, 0f, 0f, 8f, 9f })]
    public void Band_part_keeps_the_requested_diagonals(int lower, int upper, float[] expected)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, 3, 3);
        graph.Const("lower", new Tensor(TensorDataType.Int64, [], new[] { (long)lower }));
        graph.Const("upper", new Tensor(TensorDataType.Int64, [], new[] { (long)upper }));
        graph.Op("MatrixBandPart", "y", DataType.DtFloat, "x", "lower", "upper");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([3, 3], expected), RunSingle(graph, ("x", F32([3, 3], 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f))), exact: true);
    }

    [Fact]
    public void Bucketize_counts_the_boundaries_at_or_below_each_value()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        var bucketize = graph.Op("Bucketize", "y", DataType.DtFloat, "x");
        bucketize.Attr["boundaries"] = new AttrValue { List = new AttrValue.Types.ListValue { F = { 0f, 10f, 100f } } };
        graph.Output("y", "y", DataType.DtInt32);

        TensorAssert.Equal(I32([5], 0, 1, 1, 2, 3), RunSingle(graph, ("x", F32([5], -5f, 0f, 5f, 10f, 1000f))), exact: true);
    }
}
