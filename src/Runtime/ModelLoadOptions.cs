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
}
