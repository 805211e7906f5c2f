using Cortex.Queue.TensorFlow.Loading;
using Cortex.Queue.TensorFlow.Lowering;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class ConstantFoldingTests
{
    [Fact]
    public void A_permutation_computed_from_the_rank_is_folded_so_transpose_can_be_lowered()
    {
        var graph = ReversingTranspose();

        var result = RunSingle(graph, ("x", F32([2, 3], 1f, 2f, 3f, 4f, 5f, 6f)));

        TensorAssert.Equal(F32([3, 2], 1f, 4f, 2f, 5f, 3f, 6f), result, exact: true);
    }

    [Fact]
    public void Folded_shape_arithmetic_leaves_no_trace_in_the_prepared_graph()
    {
        using var folder = TemporaryCopy.Empty();
        ReversingTranspose().WriteTo(folder.Path);
        var bundle = SavedModelBundle.Load(folder.Path);
        var signature = SignatureResolver.Resolve(bundle.MetaGraph, "serving_default", bundle.Graph);

        var prepared = new SavedModelLowerer().Prepare(bundle, signature);

        Assert.Equal(["Const", "Placeholder", "Transpose"], prepared.Nodes.Select(n => n.Op).Order());
    }

    [Fact]
    public void A_reshape_target_packed_from_constants_is_folded()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Int("minus_one", -1);
        graph.Int("two", 2);
        graph.Op("Mul", "four", DataType.DtInt32, "two", "two");
        graph.Op("Pack", "shape", DataType.DtInt32, "minus_one", "four").Attr["N"] = new AttrValue { I = 2 };
        graph.Op("Reshape", "y", DataType.DtFloat, "x", "shape");
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([4, 3], ReferenceOps.Sequence(12, i => i))));

        Assert.Equal([3L, 4], result.Shape);
    }

    private static TestGraph ReversingTranspose()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Op("Rank", "rank", DataType.DtFloat, "x");
        graph.Int("one", 1);
        graph.Op("Sub", "last", DataType.DtInt32, "rank", "one");
        graph.Int("stop", -1);
        graph.Int("step", -1);
        graph.Op("Range", "perm", null, "last", "stop", "step").Attr["Tidx"] = new AttrValue { Type = DataType.DtInt32 };
        graph.Op("Transpose", "y", DataType.DtFloat, "x", "perm");
        graph.Output("y", "y", DataType.DtFloat);
        return graph;
    }
}
