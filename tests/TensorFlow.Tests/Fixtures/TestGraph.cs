using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Signatures;
using Cortex.Queue.TensorFlow.Writing;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>
/// Shorthand over <see cref="SavedModelWriter"/> for single-op tests: placeholders that are also signature inputs,
/// constants, op nodes, and signature outputs naming graph tensors.
/// </summary>
public sealed class TestGraph
{
    private readonly SavedModelWriter _writer = new();
    private readonly List<SignatureTensor> _inputs = [];
    private readonly List<SignatureTensor> _outputs = [];

    public string Placeholder(string name, DataType type, params long[]? shape) => _writer.Graph.Placeholder(name, type, shape);

    /// <summary>A placeholder that is also a signature input under <paramref name="name"/>.</summary>
    public string Input(string name, DataType type, params long[]? shape)
    {
        Placeholder(name, type, shape);
        _inputs.Add(new SignatureTensor(name, name + ":0", type, shape));
        return name;
    }

    public string Const(string name, Tensor value) => _writer.Graph.Constant(name, value);

    public string Floats(string name, long[] shape, params float[] values) => Const(name, new Tensor(TensorDataType.Float32, shape, values));

    public string Ints(string name, params int[] values) => Const(name, new Tensor(TensorDataType.Int32, [values.Length], values));

    public string Int(string name, int value) => Const(name, new Tensor(TensorDataType.Int32, [], new[] { value }));

    /// <summary>Adds node <paramref name="name"/> running <paramref name="op"/> on <paramref name="inputs"/>, with T = <paramref name="type"/> when given.</summary>
    public NodeDef Op(string op, string name, DataType? type, params string[] inputs) => _writer.Graph.Op(op, name, type, inputs);

    /// <summary>Declares graph tensor <paramref name="tensor"/> as signature output <paramref name="key"/>.</summary>
    public void Output(string key, string tensor, DataType type) =>
        _outputs.Add(new SignatureTensor(key, tensor.Contains(':') ? tensor : tensor + ":0", type, null));

    public void WriteTo(string directory, string signatureKey = "serving_default")
    {
        _writer.AddSignature(signatureKey, _inputs, _outputs);
        _writer.Write(directory);
    }

    public static AttrValue IntList(params long[] values) => GraphDefBuilder.IntsAttr(values);

    public static AttrValue Text(string value) => GraphDefBuilder.StringAttr(value);
}
