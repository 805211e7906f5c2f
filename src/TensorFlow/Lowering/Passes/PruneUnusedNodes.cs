namespace Cortex.Queue.TensorFlow.Lowering.Passes;

/// <summary>Removes nodes no signature output needs any more.</summary>
public sealed class PruneUnusedNodes : IGraphPass
{
    public void Run(SignatureGraph graph, PassContext context) => graph.Prune();
}
