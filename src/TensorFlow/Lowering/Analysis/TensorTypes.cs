using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;

namespace Cortex.Queue.TensorFlow.Lowering.Analysis;

/// <summary>
/// Element types of the tensors of a <see cref="SignatureGraph"/>, read from node attrs the way TensorFlow's op
/// definitions assign them ("T", "dtype", "DstT", "out_type", ...), or from the first input when an op has none.
/// </summary>
public sealed class TensorTypes(SignatureGraph graph)
{
    private static readonly HashSet<string> BooleanResultOps = new(StringComparer.Ordinal)
    {
        "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "LogicalAnd", "LogicalOr", "LogicalNot",
        "IsNan", "IsInf", "IsFinite", "InTopKV2",
    };

    private readonly Dictionary<FlatTensor, DataType?> _cache = [];

    public DataType? Of(FlatTensor tensor)
    {
        if (_cache.TryGetValue(tensor, out var known))
        {
            return known;
        }
        _cache[tensor] = null; // guards against cycles while computing
        var type = Compute(tensor);
        _cache[tensor] = type;
        return type;
    }

    public DataType Require(FlatTensor tensor, string why) =>
        Of(tensor) ?? throw new NotSupportedException($"cannot tell the element type of {tensor} ({why})");

    private DataType? Compute(FlatTensor tensor)
    {
        var node = graph.Get(tensor.Node);
        if (node.Op == SignatureGraph.ConstOp && Attr(node, "dtype") is { } constantType)
        {
            return constantType;
        }
        if (graph.TryGetConstant(tensor, out var constant))
        {
            return TensorFlowDataTypes.ToTensorFlow(constant.DataType);
        }
        if (BooleanResultOps.Contains(node.Op))
        {
            return DataType.DtBool;
        }
        var fromAttr = node.Op switch
        {
            "Cast" => Attr(node, "DstT"),
            "Shape" or "ShapeN" or "Size" => Attr(node, "out_type") ?? DataType.DtInt32,
            "Rank" or "Bucketize" => DataType.DtInt32,
            "ArgMax" or "ArgMin" => Attr(node, "output_type") ?? DataType.DtInt64,
            "Where" => DataType.DtInt64,
            "TopKV2" when tensor.Output == 1 => DataType.DtInt32,
            "Unique" when tensor.Output == 1 => Attr(node, "out_idx"),
            "RandomUniform" or "RandomStandardNormal" or "TruncatedNormal" or "Placeholder" or "PlaceholderWithDefault" or "Const" or "VarHandleOp" or "VariableV2" => Attr(node, "dtype"),
            "Range" => Attr(node, "Tidx"),
            "OneHot" or "Fill" or "ZerosLike" or "OnesLike" => Attr(node, "T"),
            "Bitcast" => Attr(node, "type"),
            "StringToNumber" => Attr(node, "out_type"),
            _ => Attr(node, "T") ?? Attr(node, "dtype"),
        };
        if (fromAttr is { } type)
        {
            return type.WithoutReference();
        }
        return node.Inputs.Count > 0 ? Of(node.Inputs[0]) : null;
    }

    private static DataType? Attr(FlatNode node, string name) =>
        node.Attribute(name) is { ValueCase: AttrValue.ValueOneofCase.Type } value ? value.Type : null;
}
