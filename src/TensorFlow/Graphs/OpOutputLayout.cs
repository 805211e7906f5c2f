using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>
/// Knows how many tensors each named output argument of an op produces, so a function-body reference
/// "node:out_arg:i" can be turned into the flat output index a graph uses ("node:k"). Op definitions come from the
/// MetaGraph's stripped op list and the function library; list sizes from the node's own attrs.
/// </summary>
public sealed class OpOutputLayout
{
    private readonly Dictionary<string, OpDef> _ops = new(StringComparer.Ordinal);

    public OpOutputLayout(MetaGraphDef metaGraph)
    {
        if (metaGraph.MetaInfoDef?.StrippedOpList is { } ops)
        {
            foreach (var op in ops.Op)
            {
                _ops[op.Name] = op;
            }
        }
        if (metaGraph.GraphDef?.Library is { } library)
        {
            foreach (var function in library.Function)
            {
                _ops[function.Signature.Name] = function.Signature;
            }
        }
    }

    /// <summary>Flat output index of element <paramref name="index"/> of output argument <paramref name="argument"/> of <paramref name="node"/>.</summary>
    public int FlatIndex(NodeDef node, string argument, int index)
    {
        if (!_ops.TryGetValue(node.Op, out var opDef))
        {
            // Ops missing from the stripped list are single-output-argument ops in practice.
            return index;
        }
        var offset = 0;
        foreach (var arg in opDef.OutputArg)
        {
            if (arg.Name == argument)
            {
                return offset + index;
            }
            offset += ArgumentSize(node, arg);
        }
        throw new InvalidDataException($"node '{node.Name}' ({node.Op}) has no output argument '{argument}'");
    }

    private static int ArgumentSize(NodeDef node, OpDef.Types.ArgDef arg)
    {
        if (arg.NumberAttr.Length > 0)
        {
            return node.Attr.TryGetValue(arg.NumberAttr, out var number) ? (int)number.I : 1;
        }
        if (arg.TypeListAttr.Length > 0)
        {
            return node.Attr.TryGetValue(arg.TypeListAttr, out var types) ? types.List?.Type.Count ?? 0 : 1;
        }
        return 1;
    }
}
