using System.Text;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.TensorFlow.Writing;

/// <summary>
/// Builds a TF1-style GraphDef node by node. Names returned are node names; a node's first output is "name:0", and
/// an input written as "name" means that output, as in GraphDefs TensorFlow writes.
/// </summary>
public sealed class GraphDefBuilder
{
    private readonly GraphDef _graph = new() { Versions = new VersionDef { Producer = 27 } };
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public string Placeholder(string name, DataType type, IReadOnlyList<long>? shape)
    {
        var node = AddNode("Placeholder", name, []);
        node.Attr["dtype"] = TypeAttr(type);
        node.Attr["shape"] = new AttrValue { Shape = shape is null ? new TensorShapeProto { UnknownRank = true } : TensorShapes.FromDimensions(shape) };
        return name;
    }

    public string Constant(string name, Tensor value)
    {
        var node = AddNode("Const", name, []);
        node.Attr["dtype"] = TypeAttr(TensorFlowDataTypes.ToTensorFlow(value.DataType));
        node.Attr["value"] = new AttrValue { Tensor = TensorProtoEncoder.Encode(value) };
        return name;
    }

    /// <summary>Adds an op node with "T" set to <paramref name="type"/> when given; returns the node for further attrs.</summary>
    public NodeDef Op(string op, string name, DataType? type, params string[] inputs)
    {
        var node = AddNode(op, name, inputs);
        if (type is { } t)
        {
            node.Attr["T"] = TypeAttr(t);
        }
        return node;
    }

    public NodeDef AddNode(string op, string name, IEnumerable<string> inputs)
    {
        ArgumentException.ThrowIfNullOrEmpty(op);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.Add(name))
        {
            throw new ArgumentException($"the graph already has a node named '{name}'", nameof(name));
        }
        var node = new NodeDef { Name = name, Op = op };
        node.Input.AddRange(inputs);
        _graph.Node.Add(node);
        return node;
    }

    public NodeDef? Find(string name) => _graph.Node.FirstOrDefault(n => n.Name == name);

    public GraphDef Build() => _graph.Clone();

    public static AttrValue TypeAttr(DataType type) => new() { Type = type };

    public static AttrValue IntsAttr(params long[] values)
    {
        var list = new AttrValue.Types.ListValue();
        list.I.AddRange(values);
        return new AttrValue { List = list };
    }

    public static AttrValue TypesAttr(IEnumerable<DataType> types)
    {
        var list = new AttrValue.Types.ListValue();
        list.Type.AddRange(types);
        return new AttrValue { List = list };
    }

    public static AttrValue StringAttr(string value) => new() { S = ByteString.CopyFrom(value, Encoding.UTF8) };
}
