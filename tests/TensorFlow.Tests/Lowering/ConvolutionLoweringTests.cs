using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class ConvolutionLoweringTests
{
    [Theory]
    [InlineData("SAME", 1)]
    [InlineData("SAME", 2)]
    [InlineData("VALID", 1)]
    [InlineData("VALID", 2)]
    public void Channels_last_convolution_matches_a_direct_computation(string padding, int stride)
    {
        const int n = 2, h = 5, w = 6, c = 2, kh = 3, kw = 2, o = 3;
        var x = ReferenceOps.Sequence(n * h * w * c, i => (float)Math.Sin(i));
        var filter = ReferenceOps.Sequence(kh * kw * c * o, i => (float)Math.Cos(i * 0.7));
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, h, w, c);
        graph.Floats("filter", [kh, kw, c, o], filter);
        var conv = graph.Op("Conv2D", "y", DataType.DtFloat, "x", "filter");
        conv.Attr["strides"] = TestGraph.IntList(1, stride, stride, 1);
        conv.Attr["padding"] = TestGraph.Text(padding);
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([n, h, w, c], x)));

        var expected = ReferenceOps.Conv2D(x, n, h, w, c, filter, kh, kw, o, stride, padding == "SAME", out var oh, out var ow);
        TensorAssert.Equal(F32([n, oh, ow, o], expected), result, exact: false, relativeTolerance: 1e-5);
    }

    [Theory]
    [InlineData("SAME", 1)]
    [InlineData("VALID", 2)]
    public void Depthwise_convolution_keeps_channels_apart(string padding, int stride)
    {
        const int n = 1, h = 5, w = 5, c = 3, k = 3, m = 2;
        var x = ReferenceOps.Sequence(n * h * w * c, i => (float)Math.Sin(i * 0.3));
        var filter = ReferenceOps.Sequence(k * k * c * m, i => (float)Math.Cos(i * 0.5));
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, h, w, c);
        graph.Floats("filter", [k, k, c, m], filter);
        var conv = graph.Op("DepthwiseConv2dNative", "y", DataType.DtFloat, "x", "filter");
        conv.Attr["strides"] = TestGraph.IntList(1, stride, stride, 1);
        conv.Attr["padding"] = TestGraph.Text(padding);
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([n, h, w, c], x)));

        var (oh, _) = ReferenceOps.Window(h, k, stride, padding == "SAME");
        var (ow, _) = ReferenceOps.Window(w, k, stride, padding == "SAME");
        var expected = ReferenceOps.DepthwiseConv2D(x, n, h, w, c, filter, k, k, m, stride, padding == "SAME");
        TensorAssert.Equal(F32([n, oh, ow, c * m], expected), result, exact: false);
    }

    [Theory]
    [InlineData("MaxPool", "SAME", 2, 2)]
    [InlineData("MaxPool", "VALID", 3, 2)]
    [InlineData("AvgPool", "SAME", 3, 2)]
    [InlineData("AvgPool", "VALID", 2, 1)]
    public void Pooling_matches_a_direct_computation(string op, string padding, int k, int stride)
    {
        const int n = 2, h = 5, w = 5, c = 2;
        var x = ReferenceOps.Sequence(n * h * w * c, i => (float)Math.Sin(i * 1.3));
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, h, w, c);
        var pool = graph.Op(op, "y", DataType.DtFloat, "x");
        pool.Attr["ksize"] = TestGraph.IntList(1, k, k, 1);
        pool.Attr["strides"] = TestGraph.IntList(1, stride, stride, 1);
        pool.Attr["padding"] = TestGraph.Text(padding);
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([n, h, w, c], x)));

        var (oh, _) = ReferenceOps.Window(h, k, stride, padding == "SAME");
        var (ow, _) = ReferenceOps.Window(w, k, stride, padding == "SAME");
        TensorAssert.Equal(F32([n, oh, ow, c], ReferenceOps.Pool(x, n, h, w, c, k, stride, padding == "SAME", op == "MaxPool")), result, exact: false);
    }

    [Fact]
    public void Fused_batch_norm_normalises_each_channel_with_its_statistics()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 1, 1, 2);
        graph.Floats("scale", [2], 2f, 1f);
        graph.Floats("offset", [2], 1f, 0f);
        graph.Floats("mean", [2], 1f, 10f);
        graph.Floats("variance", [2], 4f, 0.25f);
        var norm = graph.Op("FusedBatchNormV3", "y", DataType.DtFloat, "x", "scale", "offset", "mean", "variance");
        norm.Attr["epsilon"] = new AttrValue { F = 0f };
        norm.Attr["U"] = new AttrValue { Type = DataType.DtFloat };
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([2, 1, 1, 2], 3f, 11f, -1f, 9f)));

        // channel 0: 2 * (x - 1) / 2 + 1; channel 1: (x - 10) / 0.5
        TensorAssert.Equal(F32([2, 1, 1, 2], 3f, 2f, -1f, -2f), result, exact: false);
    }

    [Fact]
    public void Channels_first_convolution_needs_no_layout_change()
    {
        const int h = 4, w = 4, c = 2, k = 3, o = 2;
        var nhwc = ReferenceOps.Sequence(h * w * c, i => (float)Math.Sin(i));
        var filter = ReferenceOps.Sequence(k * k * c * o, i => (float)Math.Cos(i));
        var nchw = new float[nhwc.Length];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        for (var ch = 0; ch < c; ch++)
        {
            nchw[(ch * h + y) * w + x] = nhwc[(y * w + x) * c + ch];
        }
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, c, h, w);
        graph.Floats("filter", [k, k, c, o], filter);
        var conv = graph.Op("Conv2D", "y", DataType.DtFloat, "x", "filter");
        conv.Attr["strides"] = TestGraph.IntList(1, 1, 2, 2);
        conv.Attr["padding"] = TestGraph.Text("SAME");
        conv.Attr["data_format"] = TestGraph.Text("NCHW");
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([1, c, h, w], nchw)));

        var expected = ReferenceOps.Conv2D(nhwc, 1, h, w, c, filter, k, k, o, 2, true, out var oh, out var ow);
        var expectedNchw = new float[expected.Length];
        for (var y = 0; y < oh; y++)
        for (var x = 0; x < ow; x++)
        for (var ch = 0; ch < o; ch++)
        {
            expectedNchw[(ch * oh + y) * ow + x] = expected[(y * ow + x) * o + ch];
        }
        TensorAssert.Equal(F32([1, o, oh, ow], expectedNchw), result, exact: false);
    }
}
