using System.Text;
using Cortex.Queue.Runtime.Onnx.Protos;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.Runtime.Onnx;

/// <summary>Typed constructors for node attributes, so each carries the type discriminator ONNX requires.</summary>
public static class OnnxAttribute
{
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFrom(value, Encoding.UTF8) };

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Floats(string name, IEnumerable<float> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        attribute.Floats.AddRange(values);
        return attribute;
    }

    public static AttributeProto Strings(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(v => ByteString.CopyFrom(v, Encoding.UTF8)));
        return attribute;
    }

    public static AttributeProto TensorValue(string name, Tensor value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Tensor, T = OnnxTensorProtos.FromTensor(name, value) };

    /// <summary>A subgraph attribute (the branches of <c>If</c>, the body of <c>Loop</c> or <c>Scan</c>).</summary>
    public static AttributeProto Subgraph(string name, GraphProto graph) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Graph, G = graph };
}
