namespace Cortex.Queue.Tensors;

/// <summary>How a JSON value relates to its input's batch axis.</summary>
internal enum ValueLayout
{
    /// <summary>A rank-0 input: the value is the whole tensor and there is no batch axis.</summary>
    Scalar,

    /// <summary>One instance (rank one less than the signature); it becomes a single row.</summary>
    Instance,

    /// <summary>The value carries the batch axis itself; its first dimension is the row count.</summary>
    Batch,
}
