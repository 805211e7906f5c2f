using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using Cortex.Queue.Tensors;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class SelectionLoweringTests
{
    [Fact]
    public void Select_with_a_vector_condition_picks_whole_rows()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 2);
        graph.Const("condition", new Tensor(TensorDataType.Bool, [2], new[] { true, false }));
        graph.Floats("zeros", [2, 2], 0f, 0f, 0f, 0f);
        graph.Op("Select", "y", DataType.DtFloat, "condition", "x", "zeros");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([2, 2], 1f, 2f, 0f, 0f), RunSingle(graph, ("x", F32([2, 2], 1f, 2f, 3f, 4f))), exact: true);
    }

    [Fact]
    public void SelectV2_broadcasts_its_operands()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Floats("zero", [], 0f);
        graph.Op("Greater", "positive", DataType.DtFloat, "x", "zero");
        graph.Op("SelectV2", "y", DataType.DtFloat, "positive", "x", "zero");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([3], 0f, 0f, 2f), RunSingle(graph, ("x", F32([3], -1f, 0f, 2f))), exact: true);
    }

    [Fact]
    public void Where_lists_the_coordinates_of_true_elements()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtBool, -1, 2);
        graph.Op("Where", "y", DataType.DtBool, "x");
        graph.Output("y", "y", DataType.DtInt64);

        var result = RunSingle(graph, ("x", new Tensor(TensorDataType.Bool, [2, 2], new[] { false, true, true, true })));

        TensorAssert.Equal(I64([3, 2], 0, 1, 1, 0, 1, 1), result, exact: true);
    }
}
