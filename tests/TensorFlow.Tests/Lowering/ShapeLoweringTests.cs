using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class ShapeLoweringTests
{
    private static readonly Tensor Matrix = F32([2, 3], 1f, 2f, 3f, 4f, 5f, 6f);

    [Fact]
    public void Reshape_with_minus_one_infers_the_missing_size()
    {
        var graph = Unary("Reshape", b => b.Ints("shape", 3, -1));
        TensorAssert.Equal(F32([3, 2], 1f, 2f, 3f, 4f, 5f, 6f), RunSingle(graph, ("x", Matrix)), exact: true);
    }

    [Fact]
    public void Squeeze_and_expand_dims_remove_and_add_unit_axes()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Int("axis", 1);
        graph.Op("ExpandDims", "expanded", DataType.DtFloat, "x", "axis");
        graph.Op("Squeeze", "y", DataType.DtFloat, "expanded").Attr["squeeze_dims"] = TestGraph.IntList(1);
        graph.Output("expanded", "expanded", DataType.DtFloat);
        graph.Output("y", "y", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Tensor> { ["x"] = Matrix });

        Assert.Equal([2L, 1, 3], outputs["expanded"].Shape);
        TensorAssert.Equal(Matrix, outputs["y"], exact: true);
    }

    [Fact]
    public void Concat_joins_along_a_negative_axis_and_pack_stacks_on_a_new_one()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Int("axis", -1);
        graph.Op("ConcatV2", "concat", DataType.DtFloat, "x", "x", "axis").Attr["N"] = new AttrValue { I = 2 };
        var pack = graph.Op("Pack", "pack", DataType.DtFloat, "x", "x");
        pack.Attr["axis"] = new AttrValue { I = 1 };
        pack.Attr["N"] = new AttrValue { I = 2 };
        graph.Output("concat", "concat", DataType.DtFloat);
        graph.Output("pack", "pack", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Tensor> { ["x"] = Matrix });

        TensorAssert.Equal(F32([2, 6], 1f, 2f, 3f, 1f, 2f, 3f, 4f, 5f, 6f, 4f, 5f, 6f), outputs["concat"], exact: true);
        TensorAssert.Equal(F32([2, 2, 3], 1f, 2f, 3f, 1f, 2f, 3f, 4f, 5f, 6f, 4f, 5f, 6f), outputs["pack"], exact: true);
    }

    [Fact]
    public void Shape_size_and_rank_report_the_run_time_input()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Op("Shape", "shape", DataType.DtFloat, "x").Attr["out_type"] = new AttrValue { Type = DataType.DtInt32 };
        graph.Op("Size", "size", DataType.DtFloat, "x").Attr["out_type"] = new AttrValue { Type = DataType.DtInt64 };
        graph.Op("Rank", "rank", DataType.DtFloat, "x");
        graph.Output("shape", "shape", DataType.DtInt32);
        graph.Output("size", "size", DataType.DtInt64);
        graph.Output("rank", "rank", DataType.DtInt32);

        var outputs = Run(graph, new Dictionary<string, Tensor> { ["x"] = Matrix });

        TensorAssert.Equal(I32([2], 2, 3), outputs["shape"], exact: true);
        TensorAssert.Equal(I64([], 6), outputs["size"], exact: true);
        TensorAssert.Equal(I32([], 2), outputs["rank"], exact: true);
    }

    [Theory]
    [MemberData(nameof(StridedSlices))]
    public void Strided_slice_follows_python_slicing(int[] begin, int[] end, int[] strides, (string, long)[] masks, long[] shape, float[] values)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3, 4);
        graph.Ints("begin", begin);
        graph.Ints("end", end);
        graph.Ints("strides", strides);
        var slice = graph.Op("StridedSlice", "y", DataType.DtFloat, "x", "begin", "end", "strides");
        foreach (var (mask, bits) in masks)
        {
            slice.Attr[mask] = new AttrValue { I = bits };
        }
        graph.Output("y", "y", DataType.DtFloat);

        var cube = F32([2, 3, 4], ReferenceOps.Sequence(24, i => i));
        TensorAssert.Equal(F32(shape, values), RunSingle(graph, ("x", cube)), exact: true);
    }

    public static TheoryData<int[], int[], int[], (string, long)[], long[], float[]> StridedSlices => new()
    {
        // x[1]
        { [1], [2], [1], [("shrink_axis_mask", 1)], [3, 4], ReferenceOps.Sequence(12, i => 12 + i) },
        // x[:, -1]
        { [0, -1], [0, 0], [1, 1], [("begin_mask", 1), ("end_mask", 1), ("shrink_axis_mask", 2)], [2, 4], [8, 9, 10, 11, 20, 21, 22, 23] },
        // x[..., ::2]
        { [0, 0], [0, 0], [1, 2], [("ellipsis_mask", 1), ("begin_mask", 2), ("end_mask", 2)], [2, 3, 2], [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22] },
        // x[0, ::-1, 1:3]
        { [0, 0, 1], [1, 0, 3], [1, -1, 1], [("shrink_axis_mask", 1), ("begin_mask", 2), ("end_mask", 2)], [3, 2], [9, 10, 5, 6, 1, 2] },
        // x[:1, tf.newaxis, 2, -1]
        { [0, 0, 2, -1], [1, 0, 3, 0], [1, 1, 1, 1], [("new_axis_mask", 2), ("shrink_axis_mask", 12)], [1, 1], [11] },
        // x[..., 1, tf.newaxis]
        { [0, 1, 0], [0, 2, 0], [1, 1, 1], [("ellipsis_mask", 1), ("shrink_axis_mask", 2), ("new_axis_mask", 4)], [2, 3, 1], [1, 5, 9, 13, 17, 21] },
    };

    [Fact]
    public void Strided_slice_accepts_bounds_computed_at_run_time()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Op("Shape", "shape", DataType.DtFloat, "x").Attr["out_type"] = new AttrValue { Type = DataType.DtInt32 };
        graph.Ints("begin", 0);
        graph.Ints("end", 1);
        graph.Ints("strides", 1);
        graph.Op("StridedSlice", "batch", DataType.DtInt32, "shape", "begin", "end", "strides").Attr["shrink_axis_mask"] = new AttrValue { I = 1 };
        graph.Ints("one", 1);
        graph.Op("Pack", "stop", DataType.DtInt32, "batch").Attr["N"] = new AttrValue { I = 1 };
        graph.Ints("start", 0);
        graph.Op("StridedSlice", "y", DataType.DtFloat, "x", "start", "stop", "one");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(Matrix, RunSingle(graph, ("x", Matrix)), exact: true);
    }

    [Fact]
    public void Slice_takes_begin_and_size_with_minus_one_meaning_the_rest()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Ints("begin", 0, 1);
        graph.Ints("size", 1, -1);
        graph.Op("Slice", "y", DataType.DtFloat, "x", "begin", "size");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([1, 2], 2f, 3f), RunSingle(graph, ("x", Matrix)), exact: true);
    }

    [Fact]
    public void Transpose_tile_and_pad_rearrange_and_grow_tensors()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Ints("perm", 1, 0);
        graph.Op("Transpose", "t", DataType.DtFloat, "x", "perm");
        graph.Ints("multiples", 1, 2);
        graph.Op("Tile", "tile", DataType.DtFloat, "x", "multiples");
        graph.Const("paddings", I32([2, 2], 1, 0, 0, 2));
        graph.Op("Pad", "pad", DataType.DtFloat, "x", "paddings");
        graph.Output("t", "t", DataType.DtFloat);
        graph.Output("tile", "tile", DataType.DtFloat);
        graph.Output("pad", "pad", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Tensor> { ["x"] = Matrix });

        TensorAssert.Equal(F32([3, 2], 1f, 4f, 2f, 5f, 3f, 6f), outputs["t"], exact: true);
        TensorAssert.Equal(F32([2, 6], 1f, 2f, 3f, 1f, 2f, 3f, 4f, 5f, 6f, 4f, 5f, 6f), outputs["tile"], exact: true);
        TensorAssert.Equal(F32([3, 5], 0f, 0f, 0f, 0f, 0f, 1f, 2f, 3f, 0f, 0f, 4f, 5f, 6f, 0f, 0f), outputs["pad"], exact: true);
    }

    [Fact]
    public void Gather_picks_along_the_given_axis()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Ints("indices", 2, 0);
        graph.Int("axis", 1);
        graph.Op("GatherV2", "y", DataType.DtFloat, "x", "indices", "axis");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([2, 2], 3f, 1f, 6f, 4f), RunSingle(graph, ("x", Matrix)), exact: true);
    }

    [Fact]
    public void Cast_converts_floats_to_integers_by_truncation()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Op("Cast", "y", null, "x").Attr["DstT"] = new AttrValue { Type = DataType.DtInt32 };
        graph.Output("y", "y", DataType.DtInt32);

        TensorAssert.Equal(I32([3], 1, -1, 2), RunSingle(graph, ("x", F32([3], 1.7f, -1.7f, 2f))), exact: true);
    }

    [Fact]
    public void Fill_range_and_one_hot_build_tensors_from_scalars()
    {
        var graph = new TestGraph();
        graph.Input("n", DataType.DtInt32, null);
        graph.Ints("dims", 2, 2);
        graph.Floats("seven", [], 7f);
        graph.Op("Fill", "fill", DataType.DtFloat, "dims", "seven");
        graph.Int("start", 0);
        graph.Int("delta", 1);
        graph.Op("Range", "range", null, "start", "n", "delta").Attr["Tidx"] = new AttrValue { Type = DataType.DtInt32 };
        graph.Floats("on", [], 1f);
        graph.Floats("off", [], 0f);
        graph.Op("OneHot", "onehot", DataType.DtFloat, "range", "n", "on", "off");
        graph.Output("fill", "fill", DataType.DtFloat);
        graph.Output("range", "range", DataType.DtInt32);
        graph.Output("onehot", "onehot", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Tensor> { ["n"] = I32([], 3) });

        TensorAssert.Equal(F32([2, 2], 7f, 7f, 7f, 7f), outputs["fill"], exact: true);
        TensorAssert.Equal(I32([3], 0, 1, 2), outputs["range"], exact: true);
        TensorAssert.Equal(F32([3, 3], 1f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 1f), outputs["onehot"], exact: true);
    }

    private static TestGraph Unary(string op, Action<TestGraph> constants)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        constants(graph);
        graph.Op(op, "y", DataType.DtFloat, "x", "shape");
        graph.Output("y", "y", DataType.DtFloat);
        return graph;
    }
}
