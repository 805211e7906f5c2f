namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>
/// A MetaGraph's graph with every function call inlined: one namespace of nodes whose inputs name producing nodes
/// directly. Outputs of call nodes that no longer exist are kept as aliases, so signature tensor names such as
/// "StatefulPartitionedCall:0" still resolve.
/// </summary>
public sealed class FlatGraph
{
    private readonly Dictionary<string, FlatNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<FlatNode> _order = [];
    private readonly Dictionary<FlatTensor, FlatTensor> _aliases = [];
    private readonly Dictionary<string, List<string>> _inlinedCalls = new(StringComparer.Ordinal);

    /// <summary>Nodes in creation order (GraphDef order, function bodies where their call stood).</summary>
    public IReadOnlyList<FlatNode> Nodes => _order;

    public int Count => _nodes.Count;

    public FlatNode? Find(string name) => _nodes.GetValueOrDefault(name);

    public FlatNode Get(string name) =>
        _nodes.TryGetValue(name, out var node) ? node : throw new KeyNotFoundException($"the graph has no node '{name}'");

    public bool Contains(string name) => _nodes.ContainsKey(name);

    /// <summary>The nodes an inlined call expanded into; empty for names that were not calls.</summary>
    public IReadOnlyList<string> InlinedNodesOf(string callName) =>
        _inlinedCalls.TryGetValue(callName, out var names) ? names : [];

    public bool WasInlinedCall(string name) => _inlinedCalls.ContainsKey(name);

    /// <summary>Follows call-output aliases to the tensor that actually produces the value.</summary>
    public FlatTensor Resolve(FlatTensor tensor)
    {
        for (var hops = 0; _aliases.TryGetValue(tensor, out var target); hops++)
        {
            if (hops > 10_000)
            {
                throw new InvalidDataException($"tensor {tensor} is aliased in a cycle");
            }
            tensor = target;
        }
        return tensor;
    }

    public FlatTensor Resolve(TensorName name) => Resolve(new FlatTensor(name.Node, name.Output));

    internal void Add(FlatNode node)
    {
        if (!_nodes.TryAdd(node.Name, node))
        {
            throw new InvalidDataException($"two nodes are named '{node.Name}' after inlining");
        }
        _order.Add(node);
    }

    internal void AddAlias(FlatTensor from, FlatTensor to) => _aliases[from] = to;

    internal void RecordInlinedCall(string callName, List<string> nodeNames) => _inlinedCalls[callName] = nodeNames;

    /// <summary>Rewrites every input through the alias table, so later passes never meet a call output.</summary>
    internal void ResolveAllInputs()
    {
        foreach (var node in _order)
        {
            for (var i = 0; i < node.Inputs.Count; i++)
            {
                node.Inputs[i] = Resolve(node.Inputs[i]);
            }
        }
    }
}
