using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Analysis;
using Cortex.Queue.TensorFlow.Lowering.Folding;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>
/// Replaces small constant expressions (shape arithmetic: packed dims, sliced shape vectors, computed axes and
/// permutations) by their values, so handlers that need compile-time axes get them and the ONNX graph stays small.
/// Variables are frozen by then, but their (large) values are never pulled in here.
/// </summary>
public sealed class FoldConstants : IGraphPass
{
    public void Run(SignatureGraph graph, PassContext context)
    {
        var shapes = new TensorShapesAnalysis(graph);
        foreach (var node in graph.TopologicalOrder())
        {
            if (node.Op == SignatureGraph.ConstOp || !ConstantEvaluator.CanEvaluate(node.Op) || node.Inputs.Count == 0)
            {
                continue;
            }
            // tf.transpose without perm computes it from Rank(x); the rank is known even when the sizes are not.
            if (node.Op == "Rank" && shapes.RankOf(node.Inputs[0]) is { } rank)
            {
                graph.MakeConstant(node, new Tensor(TensorDataType.Int32, [], new[] { rank }));
                continue;
            }
            var inputs = new List<Tensor>(node.Inputs.Count);
            foreach (var input in node.Inputs)
            {
                if (!IsSmallConstant(graph, input, out var value))
                {
                    break;
                }
                inputs.Add(value);
            }
            if (inputs.Count != node.Inputs.Count)
            {
                continue;
            }
            Tensor? folded;
            try
            {
                folded = ConstantEvaluator.Evaluate(node, inputs);
            }
            catch (Exception ex) when (ex is ArithmeticException or ArgumentException or IndexOutOfRangeException or NotSupportedException)
            {
                // A graph that divides by zero or overflows in its constants fails the same way at run time; leave it there.
                folded = null;
            }
            if (folded is not null)
            {
                graph.MakeConstant(node, folded);
            }
        }
        graph.Prune();
    }

    /// <summary>True for constants that are not frozen variables (whose values would have to be read from disk).</summary>
    private static bool IsSmallConstant(SignatureGraph graph, FlatTensor tensor, out Tensor value)
    {
        value = null!;
        var node = graph.Get(tensor.Node);
        if (node.Op != SignatureGraph.ConstOp || graph.IsFrozenVariable(node.Name))
        {
            return false;
        }
        return graph.TryGetConstant(tensor, out value) && value.Length <= ConstantEvaluator.MaximumElements;
    }
}
