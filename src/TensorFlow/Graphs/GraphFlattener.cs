using Cortex.Queue.TensorFlow.Graphs.Inlining;
using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>
/// Builds a <see cref="FlatGraph"/> from a MetaGraph: GraphDef nodes are copied, and every call
/// (StatefulPartitionedCall, PartitionedCall, or a node whose op is a library function) is replaced by the callee's
/// body, recursively. Inside a body, "arg" means the caller's input and "node:out_arg:i" a body node's output; both
/// are rewritten to flat tensors, and the call's outputs become aliases of the body's return values.
/// </summary>
public static class GraphFlattener
{
    public static FlatGraph Flatten(MetaGraphDef metaGraph)
    {
        var graphDef = metaGraph.GraphDef ?? new GraphDef();
        var functions = (graphDef.Library?.Function ?? []).ToDictionary(f => f.Signature.Name, StringComparer.Ordinal);
        var graph = new FlatGraph();
        var inliner = new FunctionInliner(graph, functions, new OpOutputLayout(metaGraph));
        foreach (var node in graphDef.Node)
        {
            inliner.AddNode(node, string.Empty, GraphScopeNames.Instance, depth: 0, created: null);
        }
        graph.ResolveAllInputs();
        return graph;
    }
}
