using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Graphs;

/// <summary>
/// One operation of a <see cref="FlatGraph"/>: a GraphDef node, or a node of an inlined function body whose name is
/// prefixed by the call path ("StatefulPartitionedCall/sequential/dense/MatMul").
/// </summary>
public sealed class FlatNode(string name, string op, IReadOnlyDictionary<string, AttrValue> attributes)
{
    public string Name { get; } = name;

    public string Op { get; set; } = op;

    public List<FlatTensor> Inputs { get; } = [];

    /// <summary>Nodes that must run before this one; lowering ignores them, restore-op discovery follows them.</summary>
    public List<string> ControlInputs { get; } = [];

    public Dictionary<string, AttrValue> Attributes { get; } = new(attributes, StringComparer.Ordinal);

    public AttrValue? Attribute(string name) => Attributes.GetValueOrDefault(name);

    /// <summary>A copy whose input lists can be rewired without touching this node.</summary>
    public FlatNode Clone()
    {
        var copy = new FlatNode(Name, Op, Attributes);
        copy.Inputs.AddRange(Inputs);
        copy.ControlInputs.AddRange(ControlInputs);
        return copy;
    }

    public override string ToString() => $"{Name} ({Op})";
}
