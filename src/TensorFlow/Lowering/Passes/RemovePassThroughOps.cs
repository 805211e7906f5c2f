namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>
/// Drops ops that hand their input on unchanged at inference time (Identity, IdentityN, gradient stoppers, shape
/// and numeric checks), rewiring their readers to the original tensor.
/// </summary>
public sealed class RemovePassThroughOps : IGraphPass
{
    private static readonly HashSet<string> SingleInputPassThrough = new(StringComparer.Ordinal)
    {
        "Identity", "Snapshot", "StopGradient", "PreventGradient", "CheckNumerics", "EnsureShape", "DebugIdentity",
    };

    public void Run(SignatureGraph graph, PassContext context)
    {
        foreach (var node in graph.TopologicalOrder())
        {
            if (SingleInputPassThrough.Contains(node.Op) && node.Inputs.Count >= 1)
            {
                graph.ReplaceUses(new(node.Name, 0), node.Inputs[0]);
            }
            else if (node.Op == "IdentityN")
            {
                for (var i = 0; i < node.Inputs.Count; i++)
                {
                    graph.ReplaceUses(new(node.Name, i), node.Inputs[i]);
                }
            }
        }
        graph.Prune();
    }
}
