namespace Cortex.Queue.Tensors;

/// <summary>
/// One input or output of a model signature. <see cref="Shape"/> includes the batch axis when the model has one;
/// a dimension of -1 is dynamic (unknown until a request arrives).
/// </summary>
public sealed record TensorSpec(string Name, TensorDataType DataType, IReadOnlyList<long> Shape)
{
    public const long DynamicDimension = -1;

    public int Rank => Shape.Count;

    /// <summary>True when the first axis is dynamic, so samples can be stacked along it.</summary>
    public bool HasDynamicBatchAxis => Shape.Count > 0 && Shape[0] == DynamicDimension;

    public string ShapeText => "[" + string.Join(", ", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
