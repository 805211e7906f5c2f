using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>Recognises nodes that call a function of the library (and so are inlined).</summary>
public static class CallOps
{
    public const string StatefulPartitionedCall = "StatefulPartitionedCall";
    public const string PartitionedCall = "PartitionedCall";

    /// <summary>The called function's name, for call ops and for nodes whose op is itself a library function.</summary>
    public static string? CalledFunction(NodeDef node, IReadOnlySet<string> libraryFunctions)
    {
        if (node.Op is StatefulPartitionedCall or PartitionedCall)
        {
            return node.Attr.TryGetValue("f", out var f) ? f.Func?.Name : null;
        }
        return libraryFunctions.Contains(node.Op) ? node.Op : null;
    }
}
