using Cortex.Queue.Runtime.Sources;

namespace Cortex.Queue.Runtime;

/// <summary>How to load a model: which signature and version, whether to ask for a GPU, and who hears about downloads.</summary>
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

    /// <summary>
    /// TF Serving's <c>model_version_policy { specific { versions: ... } }</c>: serve the highest of these numeric version
    /// folders that exists (an error lists the versions present when none does). Null or empty serves the highest
    /// version folder, TF Serving's default policy.
    /// </summary>
    public IReadOnlyList<long>? SpecificVersions { get; init; }

    /// <summary>Told how far an <c>s3://</c> download has come (nothing is reported when the model is already cached).</summary>
    public IProgress<ModelDownloadProgress>? DownloadProgress { get; init; }
}
