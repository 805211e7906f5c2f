namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// One start or end of a StridedSlice: a known number, or element <see cref="Index"/> of the run-time begin/end
/// vector (plus one, for the end of a shrunk axis).
/// </summary>
internal readonly record struct SliceBound(long? Value, int Index, bool PlusOne)
{
    public const long Unbounded = long.MaxValue;
    public const long UnboundedBelow = long.MinValue;

    public static SliceBound Constant(long value) => new(value, -1, false);

    public static SliceBound Of(long[]? constants, int index) => constants is null ? new(null, index, false) : Constant(constants[index]);

    /// <summary>End of a shrunk axis: begin + 1, where begin -1 (the last element) must end "past the end", not at 0.</summary>
    public static SliceBound After(long[]? constants, int index) =>
        constants is null ? new(null, index, true) : Constant(constants[index] == -1 ? Unbounded : constants[index] + 1);
}
