using Cortex.Queue.Runtime.Onnx;
using Cortex.Queue.Runtime.Onnx.Protos;
using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Lowering.Analysis;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;
using DataType = Cortex.Queue.TensorFlow.Protos.DataType;

namespace Cortex.Queue.TensorFlow.Lowering.Onnx;

/// <summary>
/// What an <see cref="IOpLowering"/> works with: the ONNX values of a node's inputs (constants become initializers on
/// first use), compile-time constants, element types and ranks, and emitting ONNX nodes named after the TF node.
/// </summary>
public sealed class LoweringContext
{
    private readonly OnnxGraphBuilder _builder;
    private readonly HashSet<string> _usedNames;
    private readonly Dictionary<FlatTensor, string> _values = [];
    private string _namePrefix = "graph";

    internal LoweringContext(SignatureGraph graph, OnnxGraphBuilder builder, IReadOnlySet<string> reservedNames)
    {
        Graph = graph;
        _builder = builder;
        // Every value name in the model is chosen here, so the graph's own input and output names are taken up front.
        _usedNames = new HashSet<string>(reservedNames, StringComparer.Ordinal);
        Types = new TensorTypes(graph);
        Shapes = new TensorShapesAnalysis(graph);
    }

    public SignatureGraph Graph { get; }

    public TensorTypes Types { get; }

    public TensorShapesAnalysis Shapes { get; }

    public int Opset => _builder.Opset;

    /// <summary>The node being lowered; emitted values are named after it so the ONNX graph can be read against the TF one.</summary>
    internal FlatNode? CurrentNode
    {
        set => _namePrefix = value?.Name ?? "graph";
    }

    /// <summary>The ONNX value holding <paramref name="tensor"/>.</summary>
    public string Value(FlatTensor tensor)
    {
        if (_values.TryGetValue(tensor, out var name))
        {
            return name;
        }
        if (Graph.TryGetConstant(tensor, out var constant))
        {
            name = _builder.AddInitializer(UniqueValueName(tensor.Node), constant);
            _values[tensor] = name;
            return name;
        }
        throw new InvalidOperationException($"tensor {tensor} is read before its producer was lowered");
    }

    public string Input(FlatNode node, int index) => Value(node.Inputs[index]);

    public bool TryConstant(FlatNode node, int index, out Tensor value) => Graph.TryGetConstant(node.Inputs[index], out value);

    /// <summary>A constant input's integer values (axes, permutations, sizes); an error naming the node when not constant.</summary>
    public long[] RequireInts(FlatNode node, int index, string what)
    {
        if (!TryConstant(node, index, out var value))
        {
            throw new NotSupportedException($"{node} needs a constant {what}, but input {index} is computed at run time");
        }
        return TensorShapesAnalysis.ToLongs(value.Data);
    }

    public DataType InputType(FlatNode node, int index) => Types.Require(node.Inputs[index], $"input {index} of {node}");

    public TensorDataType InputElementType(FlatNode node, int index) => TensorFlowDataTypes.ToTensorDataType(InputType(node, index));

    public int? InputRank(FlatNode node, int index) => Shapes.RankOf(node.Inputs[index]);

    public void SetOutput(FlatNode node, int index, string value) => _values[new FlatTensor(node.Name, index)] = value;

    public void SetOutput(FlatNode node, string value) => SetOutput(node, 0, value);

    internal void Bind(FlatTensor tensor, string value) => _values[tensor] = value;

    /// <summary>Adds one ONNX node with one output and returns the output's name.</summary>
    public string Emit(string opType, IReadOnlyList<string> inputs, params AttributeProto[] attributes)
    {
        var output = UniqueName(opType);
        _builder.AddNode(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>Adds one ONNX node with <paramref name="outputCount"/> outputs and returns their names.</summary>
    public IReadOnlyList<string> EmitMany(string opType, IReadOnlyList<string> inputs, int outputCount, params AttributeProto[] attributes)
    {
        var outputs = Enumerable.Range(0, outputCount).Select(i => UniqueName($"{opType}_{i}")).ToArray();
        _builder.AddNode(opType, inputs, outputs, attributes);
        return outputs;
    }

    /// <summary>Adds a node whose outputs are named exactly (the graph outputs).</summary>
    internal void EmitNamed(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs) =>
        _builder.AddNode(opType, inputs, outputs);

    public string Constant(Tensor value, string hint = "const") => _builder.AddInitializer(UniqueValueName(_namePrefix + "/" + hint), value);

    /// <summary>A 1-D int64 constant (ONNX axes, shapes, pads, slice bounds).</summary>
    public string Int64s(params long[] values) => Constant(new Tensor(TensorDataType.Int64, [values.Length], values), "ints");

    /// <summary>A scalar constant of element type <paramref name="type"/> (for arithmetic on tensors of that type).</summary>
    public string Scalar(TensorDataType type, double value) => Constant(ScalarTensor(type, value), "scalar");

    /// <summary><paramref name="value"/> converted to <paramref name="type"/> unless it already is (per TF's element type).</summary>
    public string CastIfNeeded(string value, TensorDataType from, TensorDataType to) =>
        from == to ? value : Emit("Cast", [value], OnnxAttribute.Int("to", (long)OnnxDataTypes.ToOnnx(to)));

    /// <summary>An integer input as int64, the index type ONNX wants for axes, shapes and repeats.</summary>
    public string InputAsInt64(FlatNode node, int index)
    {
        if (TryConstant(node, index, out var constant) && constant.DataType is TensorDataType.Int32)
        {
            return Constant(new Tensor(TensorDataType.Int64, constant.Shape, ((int[])constant.Data).Select(v => (long)v).ToArray()), "int64");
        }
        return CastIfNeeded(Input(node, index), InputElementType(node, index), TensorDataType.Int64);
    }

    public static Tensor ScalarTensor(TensorDataType type, double value) => type switch
    {
        TensorDataType.Float32 => new Tensor(type, [], new[] { (float)value }),
        TensorDataType.Float64 => new Tensor(type, [], new[] { value }),
        TensorDataType.Float16 => new Tensor(type, [], new[] { (Half)value }),
        TensorDataType.Int32 => new Tensor(type, [], new[] { (int)value }),
        TensorDataType.Int64 => new Tensor(type, [], new[] { (long)value }),
        TensorDataType.Int16 => new Tensor(type, [], new[] { (short)value }),
        TensorDataType.Int8 => new Tensor(type, [], new[] { (sbyte)value }),
        TensorDataType.UInt8 => new Tensor(type, [], new[] { (byte)value }),
        TensorDataType.UInt16 => new Tensor(type, [], new[] { (ushort)value }),
        TensorDataType.UInt32 => new Tensor(type, [], new[] { (uint)value }),
        TensorDataType.UInt64 => new Tensor(type, [], new[] { (ulong)value }),
        TensorDataType.Bool => new Tensor(type, [], new[] { value != 0 }),
        _ => throw new NotSupportedException($"no scalar constant of type {type.ToWireName()}"),
    };

    private string UniqueName(string opType) => UniqueValueName(_namePrefix + "/" + opType);

    private string UniqueValueName(string hint)
    {
        var candidate = hint;
        for (var suffix = 1; !_usedNames.Add(candidate); suffix++)
        {
            candidate = $"{hint}_{suffix}";
        }
        return candidate;
    }
}
