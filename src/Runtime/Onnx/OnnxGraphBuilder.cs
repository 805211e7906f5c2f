using Cortex.Queue.Runtime.Onnx.Protos;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.Runtime.Onnx;

/// <summary>
/// Writes an ONNX model one piece at a time: graph inputs, initializers, nodes in topological order, graph outputs.
/// Value names are the graph's wiring, so the builder keeps them unique and checks, when the model is built,
/// that every node reads a value that exists by then.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The symbolic name written for a dynamic first axis, so inputs and outputs share one batch size.</summary>
    public const string BatchDimensionName = "batch";

    public const string ProducerName = "Cortex.Queue";

    private readonly GraphProto _graph;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _opsetsByDomain = new(StringComparer.Ordinal);
    private int _nodeCount;

    /// <param name="opset">The ai.onnx opset every node is written against; it also fixes the IR version.</param>
    /// <param name="graphName">Name stored in the graph; shows up in tools that inspect the model.</param>
    public OnnxGraphBuilder(int opset, string graphName = "cortex")
    {
        IrVersion = OnnxIrVersions.ForOpset(opset);
        Opset = opset;
        _opsetsByDomain[""] = opset;
        _graph = new GraphProto { Name = graphName };
    }

    public int Opset { get; }

    public long IrVersion { get; }

    /// <summary>Stored in the model's <c>doc_string</c>; say where the model came from.</summary>
    public string? DocString { get; set; }

    /// <summary>Declares an operator set besides ai.onnx (for example <c>com.microsoft</c>) that some nodes use.</summary>
    public void ImportOpset(string domain, long version)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        _opsetsByDomain[domain] = version;
    }

    /// <summary>Returns <paramref name="hint"/> if no value has that name yet, else the hint with the first free numeric suffix; reserves it.</summary>
    public string UniqueName(string hint)
    {
        ArgumentException.ThrowIfNullOrEmpty(hint);
        var candidate = hint;
        for (var suffix = 1; !_usedNames.Add(candidate); suffix++)
        {
            candidate = $"{hint}_{suffix}";
        }
        return candidate;
    }

    /// <summary>
    /// Adds a graph input. In <paramref name="dims"/>, -1 on the first axis becomes the symbolic <see cref="BatchDimensionName"/>
    /// and -1 elsewhere an unnamed unknown size; null dims leave the rank unknown.
    /// </summary>
    public string AddInput(string name, TensorDataType dataType, IReadOnlyList<long>? dims)
    {
        Reserve(name, "graph input");
        _graph.Input.Add(ValueInfo(name, dataType, dims));
        return name;
    }

    /// <summary>Declares an existing value (graph input, initializer or node output) as a graph output; same dims rules as <see cref="AddInput"/>.</summary>
    public string AddOutput(string name, TensorDataType dataType, IReadOnlyList<long>? dims)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_graph.Output.Any(o => o.Name == name))
        {
            throw new ArgumentException($"'{name}' is already a graph output", nameof(name));
        }
        _graph.Output.Add(ValueInfo(name, dataType, dims));
        return name;
    }

    /// <summary>Adds a constant stored in the model under exactly <paramref name="name"/>.</summary>
    public string AddInitializer(string name, Tensor value)
    {
        Reserve(name, "initializer");
        _graph.Initializer.Add(OnnxTensorProtos.FromTensor(name, value));
        return name;
    }

    /// <summary>Adds a constant under a fresh name derived from <paramref name="nameHint"/> and returns that name.</summary>
    public string AddConstant(string nameHint, Tensor value)
    {
        var name = UniqueName(nameHint);
        _graph.Initializer.Add(OnnxTensorProtos.FromTensor(name, value));
        return name;
    }

    /// <summary>
    /// Adds a node writing the named <paramref name="outputs"/>. An empty string in <paramref name="inputs"/> or
    /// <paramref name="outputs"/> skips an optional slot, as ONNX defines. Returns the node so a caller can set
    /// its <c>Domain</c> or <c>DocString</c>.
    /// </summary>
    public NodeProto AddNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params AttributeProto[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        foreach (var output in outputs.Where(o => o.Length > 0))
        {
            Reserve(output, $"output of a {opType} node");
        }
        return AppendNode(opType, inputs, outputs, attributes);
    }

    /// <summary>Adds a node with one output under a fresh name and returns that name, so calls can be nested like expressions.</summary>
    public string AddOperation(string opType, IReadOnlyList<string> inputs, params AttributeProto[] attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        var output = UniqueName(opType);
        AppendNode(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>
    /// The graph alone, unchecked: for subgraph attributes (<c>If</c>, <c>Loop</c>), whose nodes may read values of the
    /// enclosing graph.
    /// </summary>
    public GraphProto BuildGraph() => _graph.Clone();

    /// <summary>The complete model; throws <see cref="InvalidOperationException"/> naming the first value read before it is written.</summary>
    public ModelProto Build()
    {
        CheckWiring();
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = _graph.Clone(),
        };
        if (DocString is not null)
        {
            model.DocString = DocString;
        }
        foreach (var (domain, version) in _opsetsByDomain)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }
        return model;
    }

    /// <summary>The model serialized, ready for a file or for <c>InferenceSession</c>.</summary>
    public byte[] ToBytes() => Build().ToByteArray();

    private NodeProto AppendNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_nodeCount++}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return node;
    }

    private void Reserve(string name, string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_usedNames.Add(name))
        {
            throw new ArgumentException($"cannot add {role} '{name}': a value with that name already exists in the graph", nameof(name));
        }
    }

    private void CheckWiring()
    {
        var available = new HashSet<string>(_graph.Input.Select(i => i.Name), StringComparer.Ordinal);
        available.UnionWith(_graph.Initializer.Select(i => i.Name));
        foreach (var node in _graph.Node)
        {
            foreach (var input in node.Input.Where(i => i.Length > 0))
            {
                if (!available.Contains(input))
                {
                    throw new InvalidOperationException(
                        $"node {node.Name} ({node.OpType}) reads '{input}', which no graph input, initializer or earlier node provides");
                }
            }
            available.UnionWith(node.Output.Where(o => o.Length > 0));
        }
        foreach (var output in _graph.Output)
        {
            if (!available.Contains(output.Name))
            {
                throw new InvalidOperationException($"graph output '{output.Name}' is never written");
            }
        }
        if (_graph.Output.Count == 0)
        {
            throw new InvalidOperationException("the graph has no outputs");
        }
    }

    private static ValueInfoProto ValueInfo(string name, TensorDataType dataType, IReadOnlyList<long>? dims)
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)OnnxDataTypes.ToOnnx(dataType) };
        if (dims is not null)
        {
            tensorType.Shape = new TensorShapeProto();
            for (var axis = 0; axis < dims.Count; axis++)
            {
                tensorType.Shape.Dim.Add(Dimension(axis, dims[axis]));
            }
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }

    private static TensorShapeProto.Types.Dimension Dimension(int axis, long size) => size switch
    {
        >= 0 => new TensorShapeProto.Types.Dimension { DimValue = size },
        TensorSpec.DynamicDimension when axis == 0 => new TensorShapeProto.Types.Dimension { DimParam = BatchDimensionName },
        TensorSpec.DynamicDimension => new TensorShapeProto.Types.Dimension(),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "a dimension is a size >= 0 or -1 for dynamic"),
    };
}
