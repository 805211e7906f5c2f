using Cortex.Queue.TensorFlow.HostSegments;
using Cortex.Queue.TensorFlow.Protos;
using Cortex.Queue.Tensors;
using Google.Protobuf;

namespace Cortex.Queue.TensorFlow.Tests.Fixtures;

/// <summary>Builds serialized tf.Examples as Cortex string tensors (one char per byte).</summary>
public static class Examples
{
    public static string Floats(params (string Key, float[] Values)[] features)
    {
        var example = new Example { Features = new Features() };
        foreach (var (key, values) in features)
        {
            var list = new FloatList();
            list.Value.AddRange(values);
            example.Features.Feature[key] = new Feature { FloatList = list };
        }
        return SerializedStrings.FromBytes(example.ToByteArray());
    }

    public static Tensor Batch(params string[] serialized) => new(TensorDataType.String, [serialized.Length], serialized);
}
