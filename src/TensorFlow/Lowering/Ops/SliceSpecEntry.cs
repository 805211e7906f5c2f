namespace Cortex.Queue.TensorFlow.Lowering.Ops;

/// <summary>
/// One entry of a StridedSlice spec: the input axis it slices (null for a new axis; negative when counted from the
/// back, after an ellipsis) and, for a new axis, the output axis it adds.
/// </summary>
internal sealed record SliceSpecEntry(int Index, long? InputAxis, long? NewOutputAxis);
