using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.TensorFlow.HostSegments;

/// <summary>
/// A ParseExample(V2) cut out of the lowered graph and run in managed code: it turns signature input
/// <see cref="InputKey"/> (a batch of serialized tf.Examples) into one dense tensor per feature, [batch, ...shape],
/// which are fed to the ONNX model's inputs named in <see cref="Features"/>.
/// </summary>
public sealed record ExampleParseSegment(string InputKey, IReadOnlyList<ExampleFeature> Features)
{
    public IReadOnlyDictionary<string, Tensor> Run(Tensor serialized)
    {
        if (serialized.Data is not string[] records)
        {
            throw new ArgumentException($"input '{InputKey}' must hold serialized tf.Example strings");
        }
        if (serialized.Shape.Length > 1)
        {
            throw new ArgumentException($"input '{InputKey}' must be a vector (or scalar) of serialized tf.Examples, not shape [{string.Join(", ", serialized.Shape)}]");
        }
        var examples = records.Select((record, index) => Parse(record, index)).ToList();
        var batch = serialized.Shape.Length == 0 ? Array.Empty<long>() : [records.Length];
        return Features.ToDictionary(f => f.OnnxInput, f => Dense(f, examples, batch), StringComparer.Ordinal);
    }

    private Example Parse(string record, int index)
    {
        try
        {
            return Example.Parser.ParseFrom(SerializedStrings.ToBytes(record));
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ArgumentException($"input '{InputKey}' element {index} is not a serialized tf.Example: {ex.Message}", ex);
        }
    }

    private Tensor Dense(ExampleFeature feature, IReadOnlyList<Example> examples, long[] batch)
    {
        var perExample = checked((int)Tensor.ElementCount(feature.Shape));
        var shape = batch.Concat(feature.Shape).ToArray();
        var data = Array.CreateInstance(ElementType(feature.DataType), perExample * examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var values = Values(feature, examples[i], i);
            if (values.Length != perExample)
            {
                throw new ArgumentException(
                    $"input '{InputKey}' example {i}: feature '{feature.Key}' has {values.Length} values, but the model reads {perExample} (shape [{string.Join(", ", feature.Shape)}])");
            }
            Array.Copy(values, 0, data, i * perExample, perExample);
        }
        return new Tensor(feature.DataType, shape, data);
    }

    private Array Values(ExampleFeature feature, Example example, int index)
    {
        if (example.Features?.Feature.TryGetValue(feature.Key, out var value) != true || value!.KindCase == Feature.KindOneofCase.None)
        {
            return feature.Default?.Data
                ?? throw new ArgumentException($"input '{InputKey}' example {index} lacks feature '{feature.Key}', which the model requires (it has no default)");
        }
        return (feature.DataType, value.KindCase) switch
        {
            (TensorDataType.Float32, Feature.KindOneofCase.FloatList) => value.FloatList.Value.ToArray(),
            (TensorDataType.Int64, Feature.KindOneofCase.Int64List) => value.Int64List.Value.ToArray(),
            // Feature bytes are text in practice (categories, tokens), and ONNX strings are UTF-8.
            (TensorDataType.String, Feature.KindOneofCase.BytesList) => value.BytesList.Value.Select(b => b.ToStringUtf8()).ToArray(),
            _ => throw new ArgumentException(
                $"input '{InputKey}' example {index}: feature '{feature.Key}' is a {value.KindCase}, but the model reads {feature.DataType.ToWireName()}"),
        };
    }

    private static Type ElementType(TensorDataType type) => type switch
    {
        TensorDataType.Float32 => typeof(float),
        TensorDataType.Int64 => typeof(long),
        TensorDataType.String => typeof(string),
        _ => throw new NotSupportedException($"tf.Example features are float32, int64 or string, not {type.ToWireName()}"),
    };
}
