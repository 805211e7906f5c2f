using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.HostSegments;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Lowering;

/// <summary>
/// The part of a <see cref="FlatGraph"/> one signature needs, copied so passes can rewrite it: signature inputs are
/// fed through fresh placeholder nodes (cutting off whatever produced those tensors), and only nodes the outputs
/// depend on through data edges are kept. Control edges are dropped here: the served computation is pure dataflow.
/// </summary>
public sealed class SignatureGraph
{
    public const string ConstOp = "Const";
    public const string PlaceholderOp = "Placeholder";

    private readonly Dictionary<string, FlatNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lazy<Tensor>> _constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _frozenVariables = new(StringComparer.Ordinal);
    private readonly List<SignatureInput> _inputs = [];
    private readonly List<SignatureOutput> _outputs = [];
    private readonly List<ExampleParseSegment> _exampleSegments = [];

    private SignatureGraph(ResolvedSignature signature) => Signature = signature;

    public ResolvedSignature Signature { get; }

    public IReadOnlyList<SignatureInput> Inputs => _inputs;

    public IReadOnlyList<SignatureOutput> Outputs => _outputs;

    /// <summary>tf.Example parsing cut out of the graph, to run in managed code before the ONNX model.</summary>
    public IReadOnlyList<ExampleParseSegment> ExampleSegments => _exampleSegments;

    /// <summary>Placeholders fed by <see cref="ExampleSegments"/>: node name (also the ONNX input name) and element type.</summary>
    public IEnumerable<ExampleFeature> HostInputs => _exampleSegments.SelectMany(s => s.Features);

    public IEnumerable<FlatNode> Nodes => _nodes.Values;

    public int Count => _nodes.Count;

    public FlatNode? Find(string name) => _nodes.GetValueOrDefault(name);

    public FlatNode Get(string name) =>
        _nodes.TryGetValue(name, out var node) ? node : throw new KeyNotFoundException($"the signature graph has no node '{name}'");

    public static SignatureGraph Extract(FlatGraph graph, ResolvedSignature signature)
    {
        var result = new SignatureGraph(signature);
        var fed = new Dictionary<FlatTensor, FlatTensor>();
        foreach (var spec in signature.Inputs)
        {
            var placeholder = result.NewPlaceholder(graph, spec);
            result._inputs.Add(new SignatureInput(spec, placeholder.Name));
            fed.TryAdd(graph.Resolve(spec.GraphTensor), new FlatTensor(placeholder.Name, 0));
        }
        var pending = new Stack<string>();
        foreach (var spec in signature.Outputs)
        {
            var tensor = Feed(graph.Resolve(spec.GraphTensor), fed);
            if (!graph.Contains(tensor.Node) && !result._nodes.ContainsKey(tensor.Node))
            {
                throw new InvalidDataException($"signature output '{spec.Key}' names tensor {spec.TensorName}, which the graph does not have");
            }
            result._outputs.Add(new SignatureOutput(spec, tensor));
            pending.Push(tensor.Node);
        }
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (result._nodes.ContainsKey(name))
            {
                continue;
            }
            var copy = graph.Get(name).Clone();
            copy.ControlInputs.Clear();
            for (var i = 0; i < copy.Inputs.Count; i++)
            {
                copy.Inputs[i] = Feed(graph.Resolve(copy.Inputs[i]), fed);
                if (!graph.Contains(copy.Inputs[i].Node) && !result._nodes.ContainsKey(copy.Inputs[i].Node))
                {
                    throw new InvalidDataException($"node '{name}' reads {copy.Inputs[i]}, which the graph does not have");
                }
                pending.Push(copy.Inputs[i].Node);
            }
            result._nodes.Add(name, copy);
        }
        return result;
    }

    /// <summary>The value of a constant tensor (output 0 of a Const node), decoding it on first use.</summary>
    public bool TryGetConstant(FlatTensor tensor, out Tensor value)
    {
        value = null!;
        if (tensor.Output != 0 || Find(tensor.Node) is not { Op: ConstOp } node)
        {
            return false;
        }
        if (!_constants.TryGetValue(node.Name, out var cached))
        {
            if (node.Attribute("value")?.Tensor is not { } proto)
            {
                return false;
            }
            cached = new Lazy<Tensor>(() => TensorProtoDecoder.Decode(proto));
            _constants[node.Name] = cached;
        }
        value = cached.Value;
        return true;
    }

    /// <summary>Turns <paramref name="node"/> into a constant holding <paramref name="value"/> (folding).</summary>
    public void MakeConstant(FlatNode node, Tensor value) =>
        Replace(node, TensorFlowDataTypes.ToTensorFlow(value.DataType), new Lazy<Tensor>(value));

    /// <summary>
    /// Turns variable <paramref name="node"/> into a constant of element type <paramref name="type"/> whose value is
    /// read on first use, so variables lowering never needs (optimizer slots, say) are never read.
    /// </summary>
    public void FreezeVariable(FlatNode node, DataType type, Lazy<Tensor> value)
    {
        _frozenVariables.Add(node.Name);
        Replace(node, type, value);
    }

    private void Replace(FlatNode node, DataType type, Lazy<Tensor> value)
    {
        node.Op = ConstOp;
        node.Inputs.Clear();
        node.Attributes.Clear();
        node.Attributes["dtype"] = new AttrValue { Type = type };
        _constants[node.Name] = value;
    }

    /// <summary>True for constants whose value is read on demand (frozen variables), which folding leaves alone.</summary>
    public bool IsFrozenVariable(string node) => _frozenVariables.Contains(node);

    /// <summary>Points every reader of <paramref name="from"/> (nodes and signature outputs) at <paramref name="to"/>.</summary>
    public void ReplaceUses(FlatTensor from, FlatTensor to)
    {
        foreach (var node in _nodes.Values)
        {
            for (var i = 0; i < node.Inputs.Count; i++)
            {
                if (node.Inputs[i] == from)
                {
                    node.Inputs[i] = to;
                }
            }
        }
        foreach (var output in _outputs.Where(o => o.Tensor == from))
        {
            output.Tensor = to;
        }
    }

    /// <summary>Drops nodes no signature output depends on any more.</summary>
    public void Prune()
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(_outputs.Select(o => o.Tensor.Node));
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (keep.Add(name) && _nodes.TryGetValue(name, out var node))
            {
                foreach (var input in node.Inputs)
                {
                    pending.Push(input.Node);
                }
            }
        }
        foreach (var input in _inputs)
        {
            keep.Add(input.Node);
        }
        foreach (var hostInput in HostInputs)
        {
            keep.Add(hostInput.OnnxInput);
        }
        foreach (var name in _nodes.Keys.Where(n => !keep.Contains(n)).ToList())
        {
            _nodes.Remove(name);
            _constants.Remove(name);
        }
    }

    /// <summary>Nodes ordered so every node comes after the nodes it reads; throws on cycles (TF1 while loops).</summary>
    public IReadOnlyList<FlatNode> TopologicalOrder()
    {
        var order = new List<FlatNode>(_nodes.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: in progress, true: done
        foreach (var root in _nodes.Values)
        {
            if (state.ContainsKey(root.Name))
            {
                continue;
            }
            var stack = new Stack<(FlatNode Node, int NextInput)>();
            stack.Push((root, 0));
            state[root.Name] = false;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Inputs.Count)
                {
                    stack.Push((node, next + 1));
                    var input = Get(node.Inputs[next].Node);
                    if (!state.TryGetValue(input.Name, out var done))
                    {
                        state[input.Name] = false;
                        stack.Push((input, 0));
                    }
                    else if (!done)
                    {
                        throw new NotSupportedException($"the graph has a cycle through '{input.Name}' ({input.Op}); TF1 while loops are not supported");
                    }
                    continue;
                }
                state[node.Name] = true;
                order.Add(node);
            }
        }
        return order;
    }

    /// <summary>Records a cut-out parsing segment whose features are fed through placeholders named by their ONNX inputs.</summary>
    public void AddExampleSegment(ExampleParseSegment segment) => _exampleSegments.Add(segment);

    /// <summary>Adds a placeholder of element type <paramref name="type"/> that a host segment feeds.</summary>
    public FlatNode AddHostPlaceholder(string nameHint, DataType type)
    {
        var node = new FlatNode(UniqueNodeName(nameHint), PlaceholderOp, new Dictionary<string, AttrValue> { ["dtype"] = new() { Type = type } });
        Add(node);
        return node;
    }

    /// <summary>Adds a node created by a pass (a name not yet used is required).</summary>
    public void Add(FlatNode node)
    {
        if (!_nodes.TryAdd(node.Name, node))
        {
            throw new InvalidOperationException($"the signature graph already has a node '{node.Name}'");
        }
    }

    public string UniqueNodeName(string hint)
    {
        var name = hint;
        for (var suffix = 1; _nodes.ContainsKey(name); suffix++)
        {
            name = $"{hint}_{suffix}";
        }
        return name;
    }

    private FlatNode NewPlaceholder(FlatGraph graph, SignatureTensor spec)
    {
        var name = $"signature_input/{spec.Key}";
        for (var suffix = 1; graph.Contains(name) || _nodes.ContainsKey(name); suffix++)
        {
            name = $"signature_input/{spec.Key}_{suffix}";
        }
        var attributes = new Dictionary<string, AttrValue>
        {
            ["dtype"] = new() { Type = spec.DataType },
        };
        // Rank 0 and 1 signature shapes are often wrong (scalars declared, batches fed), so only higher ranks are kept as facts.
        if (spec.Dimensions is { Count: >= 2 })
        {
            attributes["shape"] = new AttrValue { Shape = TensorShapes.FromDimensions(spec.Dimensions) };
        }
        var node = new FlatNode(name, PlaceholderOp, attributes);
        _nodes.Add(name, node);
        return node;
    }

    private static FlatTensor Feed(FlatTensor tensor, Dictionary<FlatTensor, FlatTensor> fed) =>
        fed.TryGetValue(tensor, out var placeholder) ? placeholder : tensor;
}
