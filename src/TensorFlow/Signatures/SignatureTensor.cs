using Cortex.Queue.TensorFlow.Graphs;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.TensorFlow.Values;
using Cortex.Queue.Tensors;

namespace Cortex.Queue.TensorFlow.Signatures;

/// <summary>
/// One input or output of a SignatureDef: its key (what clients call it), the graph tensor it names, and its declared
/// dtype and shape. <see cref="Dimensions"/> is null when the rank is unknown.
/// </summary>
public sealed record SignatureTensor(string Key, string TensorName, DataType DataType, IReadOnlyList<long>? Dimensions)
{
    public TensorName GraphTensor => Graphs.TensorName.Parse(TensorName);

    /// <summary>Declared shape as text: "[-1,28,28,1]" or "&lt;unknown rank&gt;".</summary>
    public string ShapeText => Dimensions is null ? "<unknown rank>" : "[" + string.Join(",", Dimensions) + "]";

    /// <summary>The Cortex view: an unknown rank is reported as an empty shape, as ONNX Runtime reports it.</summary>
    public TensorSpec ToTensorSpec() => new(Key, TensorFlowDataTypes.ToTensorDataType(DataType), Dimensions ?? []);
}
