using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Tests.Fixtures;
using static Cortex.Queue.TensorFlow.Tests.Fixtures.LoweredGraph;

namespace Cortex.Queue.TensorFlow.Tests.Lowering;

public sealed class ActivationLoweringTests
{
    private static readonly float[] Inputs = [-2f, -0.5f, 0f, 0.5f, 7f];

    public static TheoryData<string, Func<double, double>> ElementwiseActivations => new()
    {
        { "Relu", x => Math.Max(x, 0) },
        { "Relu6", x => Math.Clamp(x, 0, 6) },
        { "Elu", x => x > 0 ? x : Math.Exp(x) - 1 },
        { "Selu", x => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.Exp(x) - 1)) },
        { "Sigmoid", x => 1 / (1 + Math.Exp(-x)) },
        { "Tanh", Math.Tanh },
        { "Softplus", x => Math.Log(1 + Math.Exp(x)) },
    };

    [Theory]
    [MemberData(nameof(ElementwiseActivations))]
    public void Elementwise_activations_match_their_formulas(string op, Func<double, double> formula)
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Op(op, "y", DataType.DtFloat, "x");
        graph.Output("y", "y", DataType.DtFloat);

        var result = RunSingle(graph, ("x", F32([Inputs.Length], Inputs)));

        TensorAssert.Equal(F32([Inputs.Length], Inputs.Select(v => (float)formula(v)).ToArray()), result, exact: false);
    }

    [Fact]
    public void Leaky_relu_uses_the_nodes_alpha()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Op("LeakyRelu", "y", DataType.DtFloat, "x").Attr["alpha"] = new AttrValue { F = 0.1f };
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([2], -0.2f, 3f), RunSingle(graph, ("x", F32([2], -2f, 3f))), exact: false);
    }

    [Fact]
    public void Softmax_and_log_softmax_normalise_the_last_axis()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1, 3);
        graph.Op("Softmax", "p", DataType.DtFloat, "x");
        graph.Op("LogSoftmax", "lp", DataType.DtFloat, "x");
        graph.Output("p", "p", DataType.DtFloat);
        graph.Output("lp", "lp", DataType.DtFloat);

        var outputs = Run(graph, new Dictionary<string, Cortex.Queue.Tensors.Tensor> { ["x"] = F32([2, 3], 1f, 2f, 3f, 0f, 0f, 0f) });

        var denominator = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        var expected = new[] { Math.Exp(1) / denominator, Math.Exp(2) / denominator, Math.Exp(3) / denominator, 1 / 3.0, 1 / 3.0, 1 / 3.0 };
        TensorAssert.Equal(F32([2, 3], expected.Select(v => (float)v).ToArray()), outputs["p"], exact: false);
        TensorAssert.Equal(F32([2, 3], expected.Select(v => (float)Math.Log(v)).ToArray()), outputs["lp"], exact: false);
    }

    [Fact]
    public void Clip_by_value_bounds_from_both_sides()
    {
        var graph = new TestGraph();
        graph.Input("x", DataType.DtFloat, -1);
        graph.Floats("low", [], -1f);
        graph.Floats("high", [], 1f);
        graph.Op("ClipByValue", "y", DataType.DtFloat, "x", "low", "high");
        graph.Output("y", "y", DataType.DtFloat);

        TensorAssert.Equal(F32([3], -1f, 0.5f, 1f), RunSingle(graph, ("x", F32([3], -5f, 0.5f, 5f))), exact: true);
    }
}
