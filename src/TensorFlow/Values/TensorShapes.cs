using Cortex.Queue.TensorFlow.Protos;

namespace Cortex.Queue.TensorFlow.Values;

/// <summary>Conversions of TensorShapeProto; unknown dimensions are -1, as Cortex's TensorSpec spells them.</summary>
public static class TensorShapes
{
    public static long[] ToDimensions(TensorShapeProto? shape) =>
        shape is null ? [] : shape.Dim.Select(d => d.Size < 0 ? -1 : d.Size).ToArray();

    public static bool IsUnknownRank(TensorShapeProto? shape) => shape is null || shape.UnknownRank;

    public static TensorShapeProto FromDimensions(IEnumerable<long> dimensions)
    {
        var proto = new TensorShapeProto();
        proto.Dim.AddRange(dimensions.Select(d => new TensorShapeProto.Types.Dim { Size = d }));
        return proto;
    }
}
