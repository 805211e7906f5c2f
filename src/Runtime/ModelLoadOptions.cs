namespace Cortex.Queue.Runtime;

/// <summary>How to load a model: which signature, and whether to ask for a GPU.</summary>
public sealed record ModelLoadOptions
{
    /// <summary>Signature key to serve (TensorFlow); null applies Cortex's selection rules.</summary>
    public string? SignatureKey { get; init; }

    /// <summary>GPUs requested by <c>compute.gpu</c>; when &gt; 0 the CUDA provider is tried and CPU used (with a warning) if absent.</summary>
    public int Gpu { get; init; }

    /// <summary>Intra-op threads for the session; 0 lets ONNX Runtime decide.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// Lets ONNX Runtime's threads spin between runs. Off by default: it shaves microseconds off a run on a
    /// dedicated machine but steals the cores the queue and HTTP layers need.
    /// </summary>
    public bool AllowSpinning { get; init; }
}
