using Cortex.Queue.Runtime;

namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>
/// A PlaceholderWithDefault the signature does not feed always takes its default (the dropout keep probability of
/// a TF1 graph, say), so it becomes an identity of that default. A plain Placeholder the signature does not feed
/// has no value at all: that signature cannot run.
/// </summary>
public sealed class ResolveUnfedPlaceholders : IGraphPass
{
    public void Run(SignatureGraph graph, PassContext context)
    {
        var fed = graph.Inputs.Select(i => i.Node).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var node in graph.Nodes.Where(n => !fed.Contains(n.Name)))
        {
            if (node.Op == "PlaceholderWithDefault")
            {
                node.Op = "Identity";
            }
            else if (node.Op == SignatureGraph.PlaceholderOp)
            {
                missing.Add(node.Name);
            }
        }
        if (missing.Count > 0)
        {
            throw new ModelLoadException(
                $"signature '{graph.Signature.Key}' of {context.ModelDescription} needs placeholder(s) it does not declare as inputs: {string.Join(", ", missing.Order(StringComparer.Ordinal))}");
        }
    }
}
